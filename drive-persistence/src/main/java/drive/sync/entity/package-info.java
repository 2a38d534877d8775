/**
 * Sync: the per-namespace change journal (its entries and the counter that numbers them), read by
 * clients through cursors to learn what changed since they last looked.
 */
package drive.sync.entity;
