/** Files facades: the transactional boundaries of the file API (content, upload sessions, the folder tree). */
package drive.files.boundary;
