/** HTTP resources of sync: the change journal by cursor, and long polling on it. */
package drive.sync.api;
