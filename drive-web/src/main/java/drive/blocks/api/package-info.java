/** HTTP resources of single blocks (delta upload and download). */
package drive.blocks.api;
