package drive.blocks.control;

import drive.blocks.entity.Codec;
import drive.keys.boundary.Keys;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a byte range of a file's content by reading its blocks in order. Each block is decoded
 * ({@link BlockCodec}: header, GCM tag, decompression) and checked (length and SHA-256) before a
 * byte of it is written, so a damaged, swapped or missing object yields an error and a cut-short
 * response, never wrong bytes. Memory: one block at a time.
 */
@Dependent
public class BlockReader {

    @Inject
    BlockStore store;

    @EJB
    Keys keyService;

    KeyLookup keys;

    public BlockReader() {}

    public BlockReader(BlockStore store, KeyLookup keys) {
        this.store = store;
        this.keys = keys;
    }

    @PostConstruct
    void init() {
        keys = keyService::version;
    }

    /** Writes bytes {@code first..last} (inclusive) of the content of namespace {@code namespaceId} made of {@code blocks}. */
    public void write(long namespaceId, List<BlockPointer> blocks, long first, long last, OutputStream out)
            throws IOException {
        long offset = 0;
        for (BlockPointer block : blocks) {
            long blockEnd = offset + block.size() - 1;
            if (blockEnd >= first && offset <= last) {
                byte[] data = verified(namespaceId, block);
                int from = (int) Math.max(0, first - offset);
                int to = (int) Math.min(block.size() - 1, last - offset);
                out.write(data, from, to - from + 1);
            }
            offset += block.size();
            if (offset > last) {
                break;
            }
        }
    }

    private byte[] verified(long namespaceId, BlockPointer block) throws IOException {
        byte[] stored = store.get(block.storageKey());
        byte[] data = block.codec() == Codec.PLAIN
                ? stored // written before encryption at rest; the hash check below still applies
                : BlockCodec.decode(
                        version -> keys.version(namespaceId, version), block.storageKey(), stored, block.size());
        MessageDigest sha = BlockIngest.sha256();
        String actual = HexFormat.of().formatHex(sha.digest(data));
        if (data.length != block.size() || !actual.equals(block.sha256())) {
            throw new BlockMissingException(
                    "block object " + block.storageKey() + " is damaged (length or hash differ)");
        }
        return data;
    }
}
