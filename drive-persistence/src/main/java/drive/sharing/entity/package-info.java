/** Shares of files and folders with users, and read-only share links. */
package drive.sharing.entity;
