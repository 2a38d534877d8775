package drive.files.control;

import drive.blocks.control.BlockPointer;
import java.time.Instant;
import java.util.List;

/** A revision ready to stream: its identity for caching headers and its blocks in order. */
public record Download(
        long namespaceId,
        String name,
        long revision,
        long size,
        String sha256,
        Instant modified,
        List<BlockPointer> blocks) {}
