/** File paths, the views of files that clients get, and content assembly. */
package drive.files.control;
