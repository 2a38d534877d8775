/** Sharing over HTTP: shares with users and share links. */
package drive.sharing.api;
