/** The first block pipeline: splitting, hashing, dedup, durable content-addressed storage, verified reads. */
package drive.blocks.control;
