package drive.files.control;

import drive.blocks.control.BlockPointer;
import java.util.List;

/** Content whose blocks are all stored, as a new revision records it: the blocks in order, size and SHA-256. */
public record StoredContent(List<BlockPointer> blocks, long size, String sha256) {}
