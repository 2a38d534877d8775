/** Persisted notifications of users, and their preferences. */
package drive.notifications.entity;
