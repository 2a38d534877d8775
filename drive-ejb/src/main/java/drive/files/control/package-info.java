/** File paths, the views of files that clients get, content assembly, and the operations on the folder tree. */
package drive.files.control;
