/**
 * The first block pipeline: splitting, hashing, dedup, durable content-addressed storage, verified reads;
 * and the two block stores behind {@link drive.blocks.control.BlockStore} (local files or Ceph RADOS),
 * chosen by {@link drive.blocks.control.BlockStores}.
 */
package drive.blocks.control;
