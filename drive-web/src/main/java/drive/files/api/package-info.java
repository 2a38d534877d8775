/** HTTP resources of the file API. */
package drive.files.api;
