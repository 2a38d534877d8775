package drive.blocks.control;

import drive.blocks.entity.Block;
import drive.blocks.entity.Codec;
import drive.keys.boundary.Keys;
import drive.keys.control.DataKey;
import drive.platform.control.DriveException;
import jakarta.ejb.EJB;
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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;

/**
 * Turns an upload stream into stored blocks: splits it into content-defined blocks of at most
 * {@link #BLOCK_SIZE} ({@link ContentDefinedChunker}), hashes each (SHA-256), checksums the whole
 * (CRC32C: the file's SHA-256 was computed when its bytes were staged), and writes to the {@link
 * BlockStore} only the blocks the namespace does not hold yet (per-account dedup), each compressed
 * where it pays and encrypted under the namespace's data key ({@link BlockCodec}), named by an HMAC
 * of its hash. Encoding and storing run on {@link BlockWorkers} while the next blocks are read and
 * hashed ({@link BlockWriter}); memory stays at {@link #BUFFERS} block buffers whatever the file
 * size. Runs outside any transaction and returns only once every block is durable, before the
 * metadata that names them is committed, so a crash in between leaves only unreferenced blocks,
 * never a version without data.
 */
@Dependent
public class BlockIngest {

    /** The brief's block limit: 4 MiB. */
    public static final int BLOCK_SIZE = 4 * 1024 * 1024;

    /** Block buffers per ingest: one being read and hashed, the others being encoded and stored. */
    static final int BUFFERS = 4;

    @PersistenceContext
    EntityManager em;

    @Inject
    BlockStore store;

    @EJB
    Keys keys;

    @Inject
    BlockWorkers workers;

    public Content ingest(long namespaceId, InputStream in, long maxBytes) {
        DataKey dataKey = keys.current(namespaceId);
        CRC32C whole = new CRC32C();
        MessageDigest sha = sha256();
        List<Future<BlockPointer>> blocks = new ArrayList<>();
        Map<String, Future<BlockPointer>> seen = new HashMap<>();
        List<String> written = new ArrayList<>();
        ContentDefinedChunker chunker = new ContentDefinedChunker(in);
        long total = 0;
        try (BlockWriter writer = new BlockWriter(workers.executor(), BUFFERS)) {
            byte[] buffer;
            int n;
            while ((n = chunker.next(buffer = writer.buffer())) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new DriveException(
                            DriveException.Kind.TOO_LARGE, "file is larger than " + maxBytes + " bytes");
                }
                whole.update(buffer, 0, n);
                sha.update(buffer, 0, n);
                String hash = HexFormat.of().formatHex(sha.digest());
                Future<BlockPointer> pointer = seen.get(hash);
                if (pointer == null) {
                    pointer = stored(dataKey, hash, buffer, n, writer, written);
                    seen.put(hash, pointer);
                } else {
                    writer.release(buffer);
                }
                blocks.add(pointer);
            }
            writer.release(buffer);
            List<BlockPointer> pointers = BlockWriter.results(blocks);
            store.syncNames(written);
            return new Content(pointers, total, whole.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException("storing the upload failed after " + total + " bytes", e);
        }
    }

    /**
     * Stores one block a client sent by itself (delta upload; the caller has checked its SHA-256)
     * unless the namespace holds it already; durable when this returns.
     */
    public BlockPointer storeBlock(long namespaceId, String sha256, byte[] data, int length) {
        DataKey key = keys.current(namespaceId);
        try {
            Optional<Block> held = held(namespaceId, sha256);
            if (held.isPresent() && store.exists(held.get().getStorageKey())) {
                return new BlockPointer(
                        held.get().getStorageKey(), sha256, length, held.get().getCodec());
            }
            String name = held.map(Block::getStorageKey).orElseGet(() -> storageKey(key, sha256));
            BlockPointer pointer = write(key, name, sha256, data, length, held);
            store.syncNames(List.of(name));
            return pointer;
        } catch (IOException e) {
            throw new UncheckedIOException("storing block " + sha256 + " failed", e);
        }
    }

    /**
     * Object name of a block: namespace-scoped, fanned out by prefix, and named by the HMAC of its
     * hash under the namespace's naming key, so the store never learns a plaintext hash.
     */
    public static String storageKey(DataKey key, String sha256) {
        String name = key.objectName(sha256);
        return "n" + key.namespaceId() + "/" + name.substring(0, 2) + "/" + name;
    }

    /**
     * The block, handed to {@code writer} to be stored (its name added to {@code written}) unless the
     * namespace holds it already (then neither stored nor re-encoded, and {@code buffer} is given back
     * at once).
     */
    private Future<BlockPointer> stored(
            DataKey key, String hash, byte[] buffer, int n, BlockWriter writer, List<String> written)
            throws IOException {
        Optional<Block> held = held(key.namespaceId(), hash);
        if (held.isPresent() && store.exists(held.get().getStorageKey())) {
            writer.release(buffer);
            Block block = held.get();
            return CompletableFuture.completedFuture(
                    new BlockPointer(block.getStorageKey(), hash, n, block.getCodec()));
        }
        // a row whose object went missing is repaired under the row's own name
        String name = held.map(Block::getStorageKey).orElseGet(() -> storageKey(key, hash));
        written.add(name);
        return writer.submit(buffer, () -> write(key, name, hash, buffer, n, held));
    }

    /** Encodes (unless its row says it is a pre-encryption V1 block) and puts one block; durable on return. */
    private BlockPointer write(DataKey key, String name, String hash, byte[] buffer, int n, Optional<Block> held)
            throws IOException {
        if (held.isPresent() && held.get().getCodec() == Codec.PLAIN) {
            store.put(name, buffer, n); // a pre-encryption (V1) block stays what its row says
            return new BlockPointer(name, hash, n, Codec.PLAIN);
        }
        BlockCodec.Encoded encoded = BlockCodec.encode(key, name, buffer, n);
        store.put(name, encoded.object(), encoded.object().length);
        return new BlockPointer(name, hash, n, encoded.codec());
    }

    private Optional<Block> held(long namespaceId, String hash) {
        return em.createQuery("SELECT b FROM Block b WHERE b.namespace.id = :ns AND b.sha256 = :hash", Block.class)
                .setParameter("ns", namespaceId)
                .setParameter("hash", hash)
                .getResultStream()
                .findFirst();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
