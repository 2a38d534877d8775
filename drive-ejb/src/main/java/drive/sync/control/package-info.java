/**
 * Sync, control layer: the change journal's writer (one place appends entries, in the transaction of
 * the change), cursors, and the long-poll waiters woken after a commit on this or any instance.
 */
package drive.sync.control;
