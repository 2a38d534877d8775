package drive.blocks.control;

import drive.keys.control.DataKey;
import drive.keys.control.KeyWrap;
import java.security.MessageDigest;

/**
 * Single-thread throughput of the block codec (compress where it pays + AES-256-GCM) next to
 * SHA-256 alone over the same bytes, in the same run: 64 MiB of random and of text data, 4 MiB
 * blocks, a few rounds (the last ones are warm). Not a test; run with
 * {@code java -cp <test classpath> drive.blocks.control.CodecThroughput [MiB] [rounds]}.
 */
public final class CodecThroughput {

    private static final int BLOCK = 4 * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        DataKey key = new DataKey(1, 1, KeyWrap.newDataKey());
        for (String kind : new String[] {"random", "text"}) {
            byte[] data = kind.equals("random") ? BlockCodecTest.random(mib << 20, 1) : BlockCodecTest.text(mib << 20);
            for (int round = 1; round <= rounds; round++) {
                double sha = measure(data, (block, n) -> sha(block, n));
                long[] stored = {0};
                double encode = measure(
                        data,
                        (block, n) -> stored[0] +=
                                BlockCodec.encode(key, "n1/ab/x", block, n).object().length);
                double both = measure(data, (block, n) -> {
                    sha(block, n);
                    BlockCodec.encode(key, "n1/ab/x", block, n);
                });
                System.out.printf(
                        "%-6s round %d: SHA-256 %6.0f MB/s | encode %6.0f MB/s (%.2fx) | SHA-256+encode %6.0f MB/s (%.2fx) | stored %.1f%%%n",
                        kind, round, sha, encode, encode / sha, both, both / sha, 100.0 * stored[0] / data.length);
            }
        }
    }

    private interface PerBlock {
        void accept(byte[] block, int length) throws Exception;
    }

    private static double measure(byte[] data, PerBlock work) throws Exception {
        byte[] block = new byte[BLOCK];
        long start = System.nanoTime();
        for (int offset = 0; offset < data.length; offset += BLOCK) {
            int n = Math.min(BLOCK, data.length - offset);
            System.arraycopy(data, offset, block, 0, n);
            work.accept(block, n);
        }
        return data.length / 1e6 / ((System.nanoTime() - start) / 1e9);
    }

    private static byte[] sha(byte[] block, int n) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(block, 0, n);
        return sha.digest();
    }
}
