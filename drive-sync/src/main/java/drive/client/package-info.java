/**
 * The reference sync client: keeps a local folder and a user's Drive in step both ways, through the
 * public HTTP API only (change journal, long poll, delta upload and download, the file API's conflict
 * rules). {@link drive.client.Main} runs it; {@link drive.client.SyncClient} is the embeddable whole.
 */
package drive.client;
