package drive.blocks.control;

import drive.keys.control.DataKey;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Runs the code an upload spends its CPU in — AES-256-GCM as TLS and the block codec call it,
 * SHA-256, CRC32C and the chunker's gear hash — over small throwaway buffers, many times, so that the
 * JIT compiles it (with the CPU's AES, carry-less multiply and SHA instructions) before the first
 * upload needs it.
 *
 * <p>Without it, JDK 17 runs GCM's GHASH in plain Java (~50 MB/s instead of ~4 GB/s) until the methods
 * around it have been called often enough to be compiled: measured here, the first ~70 MiB of TLS
 * records a fresh JVM decrypts, and longer while Payara's own start-up keeps the compiler busy. The
 * compiled methods are the JDK's, shared by every caller, so warming them from here also speeds up
 * the TLS layer of the HTTP listener. Small buffers reach the compile thresholds with little work
 * (invocations count, not bytes): the whole warm-up is ~70 MiB of data, under a second of one core.
 */
public final class PipelineWarmUp {

    /** Calls per kernel: above the JIT's thresholds for its last tier with room to spare. */
    static final int ROUNDS = 20_000;

    /** Small pieces for the cipher calls (a TLS record is at most 16 KiB; the count is what matters). */
    static final int SMALL = 256;

    /** Pieces for the hashes and the gear scan, whose loops compile on their own. */
    static final int PIECE = 1024;

    /** Where the hashes' and the scan's results go, so that the JIT cannot drop their loops as unused. */
    private static volatile int sink;

    private PipelineWarmUp() {}

    /** What one warm-up did, for the log. */
    public record Summary(long bytes, long millis) {}

    /** Runs every kernel {@link #ROUNDS} times; throws if a round trip ever gives other bytes back. */
    public static Summary run() {
        long start = System.nanoTime();
        long bytes = 0;
        try {
            bytes += tlsCipher();
            bytes += blockCodec();
            bytes += hashesAndGear();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM warm-up failed", e);
        }
        return new Summary(bytes, (System.nanoTime() - start) / 1_000_000);
    }

    /** GCM over heap ByteBuffers, one record per call, both ways: what JSSE does for TLS 1.2/1.3. */
    private static long tlsCipher() throws GeneralSecurityException {
        SecretKey key = aesKey();
        byte[] nonce = new byte[12];
        byte[] plain = new byte[SMALL];
        new SplittableRandom(1).nextBytes(plain);
        ByteBuffer sealed = ByteBuffer.allocate(SMALL + BlockCodec.TAG);
        ByteBuffer opened = ByteBuffer.allocate(SMALL + BlockCodec.TAG);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        for (int i = 0; i < ROUNDS; i++) {
            ByteBuffer.wrap(nonce).putInt(8, i); // a fresh nonce per encryption, as GCM requires
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            sealed.clear();
            cipher.doFinal(ByteBuffer.wrap(plain), sealed);
            sealed.flip();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            opened.clear();
            cipher.doFinal(sealed, opened);
        }
        if (!Arrays.equals(Arrays.copyOf(opened.array(), SMALL), plain)) {
            throw new IllegalStateException("AES-256-GCM warm-up: decryption gave other bytes");
        }
        return 2L * ROUNDS * SMALL;
    }

    /** {@link BlockCodec#encode} and {@link BlockCodec#decode} of a small incompressible block. */
    private static long blockCodec() throws GeneralSecurityException {
        DataKey key = new DataKey(0, 1, aesKey());
        byte[] block = new byte[SMALL];
        new SplittableRandom(2).nextBytes(block);
        byte[] back = null;
        for (int i = 0; i < ROUNDS / 4; i++) {
            BlockCodec.Encoded encoded = BlockCodec.encode(key, "warm-up", block, block.length);
            try {
                back = BlockCodec.decode(v -> key, "warm-up", encoded.object(), block.length);
            } catch (BlockMissingException e) {
                throw new IllegalStateException("block codec warm-up: " + e.getMessage(), e);
            }
        }
        if (!Arrays.equals(back, block)) {
            throw new IllegalStateException("block codec warm-up: decoding gave other bytes");
        }
        return 2L * (ROUNDS / 4) * SMALL;
    }

    /** SHA-256 and CRC32C in pieces as staging feeds them, and the gear scan of both of its masks. */
    private static long hashesAndGear() throws GeneralSecurityException {
        // the scan takes chunk positions: half the piece before the average size (first mask), half after (second)
        int from = ContentDefinedChunker.AVG_SIZE - PIECE / 2;
        byte[] data = new byte[from + PIECE];
        new SplittableRandom(3).nextBytes(data);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        CRC32C crc = new CRC32C();
        int cuts = 0;
        for (int i = 0; i < ROUNDS; i++) {
            sha.update(data, from, PIECE);
            crc.update(data, from, PIECE);
            cuts += ContentDefinedChunker.scan(data, from, from + PIECE, i);
        }
        sink = cuts + sha.digest()[0] + (int) crc.getValue();
        return 3L * ROUNDS * PIECE;
    }

    private static SecretKey aesKey() throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, new SecureRandom());
        return generator.generateKey();
    }
}
