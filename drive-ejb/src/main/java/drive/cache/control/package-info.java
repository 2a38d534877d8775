/**
 * The metadata cache (issue 7): Infinispan, embedded, one cache manager per instance, kept strongly
 * consistent with the database by invalidating in step with every commit; see {@link
 * drive.cache.control.MetadataCache} for the guarantee and why it holds.
 */
package drive.cache.control;
