package drive.keys.control;

import java.security.MessageDigest;
import java.util.HexFormat;

/** Small helpers shared by the key tests. */
final class BlockCodecFixtures {

    private BlockCodecFixtures() {}

    static String sha256Hex(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
