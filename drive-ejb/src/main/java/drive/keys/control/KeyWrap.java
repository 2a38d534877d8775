package drive.keys.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wraps data keys with a master key: AES-256-GCM, fresh 96-bit nonce, AAD = {@code
 * drive-data-key|<namespace>|<version>} so a wrapped key copied to another namespace's row (or
 * version) fails to unwrap. Text form: Base64 of nonce (12) || ciphertext (32) || tag (16).
 */
public final class KeyWrap {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private KeyWrap() {}

    public static SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is part of every JDK", e);
        }
    }

    public static String wrap(MasterKey master, long namespaceId, int version, SecretKey dataKey) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, master.key(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad(namespaceId, version));
            byte[] sealed = cipher.doFinal(dataKey.getEncoded());
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(NONCE + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap the data key of namespace " + namespaceId, e);
        }
    }

    public static SecretKey unwrap(MasterKey master, long namespaceId, int version, String wrapped) {
        try {
            byte[] bytes = Base64.getDecoder().decode(wrapped);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, master.key(), new GCMParameterSpec(128, bytes, 0, NONCE));
            cipher.updateAAD(aad(namespaceId, version));
            return new SecretKeySpec(cipher.doFinal(bytes, NONCE, bytes.length - NONCE), "AES");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyUnavailableException(
                    "data key " + version + " of namespace " + namespaceId + " does not unwrap with master key "
                            + master.alias() + " (wrong keystore or tampered key row)",
                    e);
        }
    }

    private static byte[] aad(long namespaceId, int version) {
        return ("drive-data-key|" + namespaceId + "|" + version).getBytes(StandardCharsets.US_ASCII);
    }
}
