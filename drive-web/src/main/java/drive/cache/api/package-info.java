/** The metadata cache's admin endpoint. */
package drive.cache.api;
