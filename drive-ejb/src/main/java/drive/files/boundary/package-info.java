/** Files facade: the transactional boundary of the file API. */
package drive.files.boundary;
