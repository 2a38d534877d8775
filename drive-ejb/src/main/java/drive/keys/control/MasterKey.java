package drive.keys.control;

import javax.crypto.SecretKey;

/** An AES-256 master key and the keystore alias it lives under ({@code master-<n>}). */
public record MasterKey(String alias, SecretKey key) {

    @Override
    public String toString() {
        return "MasterKey[" + alias + "]";
    }
}
