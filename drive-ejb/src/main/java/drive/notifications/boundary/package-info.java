/** The notification center's facade and its message consumer. */
package drive.notifications.boundary;
