package drive.blocks.control;

import java.util.List;

/** A file's content once its blocks are durably stored: the block list in order, size and hash. */
public record Content(List<BlockPointer> blocks, long size, String sha256) {}
