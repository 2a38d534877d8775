package drive.blocks.control;

import java.util.List;

/**
 * A file's content once its blocks are durably stored: the block list in order, the size, and the
 * CRC32C of the bytes that were processed (checked against the one staging recorded).
 */
public record Content(List<BlockPointer> blocks, long size, long crc32c) {}
