/** The notification center: what triggers a notification, how it is worded, the digest hook. */
package drive.notifications.control;
