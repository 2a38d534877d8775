/** Blocks: the deduplicated pieces that file versions are made of. */
package drive.blocks.entity;
