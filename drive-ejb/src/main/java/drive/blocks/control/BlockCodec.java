package drive.blocks.control;

import drive.blocks.entity.Codec;
import drive.keys.control.DataKey;
import drive.keys.control.KeyUnavailableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.function.IntFunction;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Turns a plaintext block into the bytes stored in the object store and back, verifying
 * everything on the way back. Object format, version 1 (all integers big-endian):
 *
 * <pre>
 * offset size
 *   0     4   magic "DRVB"
 *   4     1   format version = 1
 *   5     1   codec: 1 = none, 2 = zstd (applied before encryption)
 *   6     4   data key version (namespace_key.key_version)
 *  10    12   GCM nonce, fresh and random for every object
 *  22     n   AES-256-GCM ciphertext of the (compressed) block
 *  22+n  16   GCM tag
 * </pre>
 *
 * The GCM additional data is the 22-byte header followed by {@code "drive-block|<namespace>|<storage
 * key>"} in ASCII, so the tag covers the header (codec and key version cannot be altered) and binds
 * the object to its namespace and name: an object copied over another name, or into another
 * namespace, fails to decrypt. The cipher is fed in pieces of {@link #PIECE} = 64 KiB: with 1 MiB
 * pieces JDK 17's GCM was measured here still at ~50-100 MB/s after 1 GiB (its intrinsics need many
 * calls to get compiled); with 64 KiB it reaches ~1.3-1.6 GB/s after ~200 MiB. The caller then checks the plaintext
 * length and SHA-256 ({@link BlockReader}).
 */
public final class BlockCodec {

    static final byte[] MAGIC = {'D', 'R', 'V', 'B'};
    static final int FORMAT = 1;
    static final int NONCE = 12;
    static final int HEADER = 4 + 1 + 1 + 4 + NONCE;
    static final int TAG = 16;
    static final int PIECE = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BlockCodec() {}

    /** A stored object and how its plaintext was compressed. */
    public record Encoded(byte[] object, Codec codec) {}

    /** The object for {@code block[0..length)}, stored as {@code storageKey} in the key's namespace. */
    public static Encoded encode(DataKey key, String storageKey, byte[] block, int length) {
        Compression.Result packed = Compression.apply(block, length);
        byte[] out = new byte[HEADER + packed.length() + TAG];
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        ByteBuffer.wrap(out)
                .put(MAGIC)
                .put((byte) FORMAT)
                .put(codecId(packed.codec()))
                .putInt(key.version())
                .put(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, out, storageKey);
            int at = HEADER;
            for (int from = 0; from < packed.length(); from += PIECE) {
                at += cipher.update(packed.data(), from, Math.min(PIECE, packed.length() - from), out, at);
            }
            cipher.doFinal(out, at);
            return new Encoded(out, packed.codec());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to encrypt", e);
        }
    }

    /** The plaintext block of the object {@code stored}, which must hold exactly {@code length} bytes. */
    public static byte[] decode(IntFunction<DataKey> keyOfVersion, String storageKey, byte[] stored, int length)
            throws BlockMissingException {
        if (stored.length < HEADER + TAG || !ByteBuffer.wrap(stored, 0, 4).equals(ByteBuffer.wrap(MAGIC))) {
            throw damaged(storageKey, "not a Drive block object");
        }
        ByteBuffer header = ByteBuffer.wrap(stored, 0, HEADER);
        header.position(4);
        if (header.get() != FORMAT) {
            throw damaged(storageKey, "unknown object format " + stored[4]);
        }
        Codec codec = codecOf(header.get(), storageKey);
        DataKey key;
        try {
            key = keyOfVersion.apply(header.getInt());
        } catch (KeyUnavailableException e) {
            throw damaged(storageKey, e.getMessage());
        }
        byte[] nonce = new byte[NONCE];
        header.get(nonce);
        byte[] packed = new byte[stored.length - HEADER - TAG];
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, stored, storageKey);
            int at = 0;
            for (int from = HEADER; from < stored.length; from += PIECE) {
                at += cipher.update(stored, from, Math.min(PIECE, stored.length - from), packed, at);
            }
            cipher.doFinal(packed, at);
        } catch (AEADBadTagException e) {
            throw damaged(storageKey, "authentication failed (damaged, swapped or foreign object)");
        } catch (GeneralSecurityException e) {
            throw damaged(storageKey, "does not decrypt: " + e.getMessage());
        }
        if (codec == Codec.ZSTD) {
            return Compression.decompress(packed, 0, packed.length, length);
        }
        if (packed.length != length) {
            throw damaged(storageKey, "holds " + packed.length + " bytes, not " + length);
        }
        return packed;
    }

    private static Cipher cipher(int mode, DataKey key, byte[] nonce, byte[] object, String storageKey)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.key(), new GCMParameterSpec(TAG * 8, nonce));
        cipher.updateAAD(object, 0, HEADER);
        cipher.updateAAD(("drive-block|" + key.namespaceId() + "|" + storageKey).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static byte codecId(Codec codec) {
        return switch (codec) {
            case NONE -> 1;
            case ZSTD -> 2;
            case PLAIN -> throw new IllegalArgumentException("PLAIN objects are never written");
        };
    }

    private static Codec codecOf(byte id, String storageKey) throws BlockMissingException {
        return switch (id) {
            case 1 -> Codec.NONE;
            case 2 -> Codec.ZSTD;
            default -> throw damaged(storageKey, "unknown codec " + id);
        };
    }

    private static BlockMissingException damaged(String storageKey, String why) {
        return new BlockMissingException("block object " + storageKey + " is damaged or unreadable: " + why);
    }
}
