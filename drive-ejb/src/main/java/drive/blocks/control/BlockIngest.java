package drive.blocks.control;

import drive.platform.control.DriveException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Turns an upload stream into stored blocks: splits it into content-defined blocks of at most
 * {@link #BLOCK_SIZE} ({@link ContentDefinedChunker}),
 * hashes each (SHA-256) and the whole, and writes to the {@link BlockStore} only the blocks the
 * namespace does not hold yet (per-account dedup). Memory stays at one block buffer whatever the
 * file size. Runs outside any transaction: blocks are durable before the metadata that names them
 * is committed, so a crash in between leaves only unreferenced blocks, never a version without data.
 */
@Dependent
public class BlockIngest {

    /** The brief's block limit: 4 MiB. */
    public static final int BLOCK_SIZE = 4 * 1024 * 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    BlockStore store;

    public Content ingest(long namespaceId, InputStream in, long maxBytes) {
        MessageDigest whole = sha256();
        MessageDigest block = sha256();
        byte[] buffer = new byte[BLOCK_SIZE];
        List<BlockPointer> blocks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ContentDefinedChunker chunker = new ContentDefinedChunker(in);
        long total = 0;
        try {
            int n;
            while ((n = chunker.next(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new DriveException(
                            DriveException.Kind.TOO_LARGE, "file is larger than " + maxBytes + " bytes");
                }
                whole.update(buffer, 0, n);
                block.update(buffer, 0, n);
                String hash = HexFormat.of().formatHex(block.digest());
                String key = storageKey(namespaceId, hash);
                if (seen.add(hash) && !known(namespaceId, hash)) {
                    store.put(key, buffer, n);
                }
                blocks.add(new BlockPointer(key, hash, n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("upload stream failed after " + total + " bytes", e);
        }
        return new Content(List.copyOf(blocks), total, HexFormat.of().formatHex(whole.digest()));
    }

    /** Object name of a block: namespace-scoped, content-addressed, fanned out by hash prefix. */
    public static String storageKey(long namespaceId, String sha256) {
        return "n" + namespaceId + "/" + sha256.substring(0, 2) + "/" + sha256;
    }

    private boolean known(long namespaceId, String hash) throws IOException {
        Long rows = em.createQuery(
                        "SELECT COUNT(b) FROM Block b WHERE b.namespace.id = :ns AND b.sha256 = :hash", Long.class)
                .setParameter("ns", namespaceId)
                .setParameter("hash", hash)
                .getSingleResult();
        return rows > 0 && store.exists(storageKey(namespaceId, hash));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
