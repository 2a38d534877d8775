/**
 * Access control for shared files and folders: {@link drive.sharing.control.Access} is the one place
 * that decides what a caller may see and change outside their own drive.
 */
package drive.sharing.control;
