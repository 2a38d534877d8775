/** The notification center over HTTP. */
package drive.notifications.api;
