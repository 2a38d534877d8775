package drive.blocks.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Splits a stream into content-defined chunks (FastCDC with normalized chunking, level 1), so that
 * inserting or deleting bytes near the start of a file changes one or two blocks instead of every
 * following one. The cut points are specified exactly — 32-bit gear hash, gear table, masks, cut rules —
 * in {@code src/test/resources/chunking/README.md}, because the browser must find the same ones; the
 * shared test vectors there pin them. Memory: the caller's chunk buffer plus {@value #READ_SIZE} bytes.
 * It uses only the JDK at run time (the other names below are compile-time constants), so that the
 * sync client ({@code drive-sync}) can carry this one class instead of a copy of it.
 */
public final class ContentDefinedChunker {

    public static final int MIN_SIZE = 256 * 1024;
    public static final int AVG_SIZE = 1024 * 1024;
    public static final int MAX_SIZE = BlockIngest.BLOCK_SIZE;

    /** Before {@link #AVG_SIZE}: 21 one-bits (log2 avg + 1), the top bits of the 32-bit hash. */
    static final int MASK_S = 0xFFFFF800;

    /**
     * From {@link #AVG_SIZE} on: 19 one-bits (log2 avg - 1), the top bits of the 32-bit hash. Level 1
     * rather than FastCDC's level 2 (22/18 bits): cut points resynchronise sooner after an edit.
     */
    static final int MASK_L = 0xFFFFE000;

    /** Bytes asked of the stream per read once past {@link #MIN_SIZE}: bounds what is carried over. */
    static final int READ_SIZE = 64 * 1024;

    static final int[] GEAR = gearTable();

    private final InputStream in;
    private final byte[] carry = new byte[READ_SIZE];
    private int carried;
    private boolean ended;

    public ContentDefinedChunker(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next chunk into {@code chunk[0..n)} and returns {@code n}, or 0 at the end of the
     * stream. {@code chunk} must hold {@link #MAX_SIZE} bytes.
     */
    public int next(byte[] chunk) throws IOException {
        if (chunk.length < MAX_SIZE) {
            throw new IllegalArgumentException("chunk buffer must hold " + MAX_SIZE + " bytes");
        }
        System.arraycopy(carry, 0, chunk, 0, carried);
        int filled = carried;
        carried = 0;
        int hashed = MIN_SIZE;
        int hash = 0;
        while (true) {
            if (filled > hashed) {
                int cut = scan(chunk, hashed, filled, hash);
                if (cut > 0) {
                    carried = filled - cut;
                    System.arraycopy(chunk, cut, carry, 0, carried);
                    return cut;
                }
                hash = rolled(chunk, hashed, filled, hash);
                hashed = filled;
            }
            if (filled == MAX_SIZE || ended) {
                return filled;
            }
            int want = filled < MIN_SIZE ? MIN_SIZE - filled : Math.min(READ_SIZE, MAX_SIZE - filled);
            int n = in.read(chunk, filled, want);
            if (n < 0) {
                ended = true;
            } else {
                filled += n;
            }
        }
    }

    /**
     * Hashes {@code b[from..to)} (chunk positions, {@code from >= MIN_SIZE}) starting from {@code h}; returns
     * the chunk length at the first position whose hash matches its mask, or -1.
     */
    static int scan(byte[] b, int from, int to, int h) {
        int i = from;
        int normal = Math.min(AVG_SIZE, to);
        for (; i < normal; i++) {
            h = (h << 1) + GEAR[b[i] & 0xFF];
            if ((h & MASK_S) == 0) {
                return i + 1;
            }
        }
        for (; i < to; i++) {
            h = (h << 1) + GEAR[b[i] & 0xFF];
            if ((h & MASK_L) == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The hash after {@code b[from..to)}; only the last 32 bytes matter (older bits are shifted out). */
    private static int rolled(byte[] b, int from, int to, int h) {
        for (int i = Math.max(from, to - 32); i < to; i++) {
            h = (h << 1) + GEAR[b[i] & 0xFF];
        }
        return h;
    }

    /** GEAR[i] = first 4 bytes, big-endian, of SHA-256(ASCII "drive-gear" followed by the one byte i). */
    private static int[] gearTable() {
        int[] gear = new int[256];
        byte[] label = "drive-gear".getBytes(StandardCharsets.US_ASCII);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (int i = 0; i < 256; i++) {
            sha.update(label);
            sha.update((byte) i);
            byte[] d = sha.digest();
            gear[i] = (d[0] & 0xFF) << 24 | (d[1] & 0xFF) << 16 | (d[2] & 0xFF) << 8 | (d[3] & 0xFF);
        }
        return gear;
    }
}
