/**
 * Sync, boundary: the journal read by cursor ({@link drive.sync.boundary.Changes}), its retention
 * timer, and the consumer of the cross-instance change topic.
 */
package drive.sync.boundary;
