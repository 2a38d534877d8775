package drive.keys.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A namespace's unwrapped data key, version {@code version}: encrypts that namespace's blocks
 * (AES-256-GCM) and, through a naming key derived from it (HMAC-SHA-256 of the label
 * {@code drive-object-name}), names their objects so that the store never sees a plaintext hash.
 * Held in memory only.
 */
public final class DataKey {

    private static final byte[] NAMING_LABEL = "drive-object-name".getBytes(StandardCharsets.US_ASCII);

    private final long namespaceId;
    private final int version;
    private final SecretKey key;
    private final SecretKeySpec namingKey;

    public DataKey(long namespaceId, int version, SecretKey key) {
        if (key.getEncoded().length != 32) {
            throw new IllegalArgumentException("a data key is AES-256");
        }
        this.namespaceId = namespaceId;
        this.version = version;
        this.key = key;
        this.namingKey = new SecretKeySpec(hmac(key.getEncoded(), NAMING_LABEL), "HmacSHA256");
    }

    public long namespaceId() {
        return namespaceId;
    }

    public int version() {
        return version;
    }

    public SecretKey key() {
        return key;
    }

    /** Hex HMAC-SHA-256 of the plaintext's SHA-256 (given in hex) under the naming key. */
    public String objectName(String sha256Hex) {
        return HexFormat.of()
                .formatHex(hmac(namingKey.getEncoded(), HexFormat.of().parseHex(sha256Hex)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "DataKey[namespace " + namespaceId + ", version " + version + "]";
    }
}
