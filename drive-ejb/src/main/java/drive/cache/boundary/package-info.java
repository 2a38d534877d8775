/** Administration of the metadata cache. */
package drive.cache.boundary;
