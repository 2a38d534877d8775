package drive.bench;

import drive.blocks.control.BlockCodec;
import drive.blocks.control.Compression;
import drive.blocks.control.ContentDefinedChunker;
import drive.keys.control.DataKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole per-core block pipeline of an upload, next to SHA-256 alone over the same 64 MiB of
 * random (incompressible) or text-like bytes, on one thread, in the same run. {@link #pipeline} does
 * what {@code BlockIngest} does for a file whose blocks are all new, minus the store and the
 * database: content-defined chunking from a stream ({@link ContentDefinedChunker}), SHA-256 of every
 * block, the CRC32C of the whole file (its check against what staging recorded), the HMAC object name ({@link DataKey#objectName}), zstd where it pays
 * ({@link Compression}) and AES-256-GCM ({@link BlockCodec#encode}, which applies the compression).
 * {@link #compressAndEncrypt} is the codec alone over the same blocks, to split the cost. Issue 3's
 * target: pipeline ≥ 0.7× {@link #sha256} on random data. A fixed test data key is used. Throughput
 * in MB/s is 67.1 / (ms per operation / 1000). The whole file's SHA-256 is not part of it: the upload
 * request computes it while staging the bytes ({@link #staging}: SHA-256 and CRC32C, on the request's
 * thread). Supersedes the former {@code CodecThroughput} main.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class PipelineBenchmark {

    @Param({"random", "text"})
    String data;

    /** {@code JobStaging}'s buffer. */
    static final int STAGING_BUFFER = 1024 * 1024;

    /** {@link #shaAndGcmOnly}'s block: the average content-defined block. */
    static final int BLOCK = 1024 * 1024;

    byte[] bytes;
    byte[] chunk = new byte[ContentDefinedChunker.MAX_SIZE];
    DataKey key;
    byte[] nonce = new byte[12];
    long nonces;

    @Setup
    public void generate() {
        bytes = data.equals("random") ? ChunkingBenchmark.random() : ChunkingBenchmark.text();
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 7 + 1);
        }
        key = new DataKey(1, 1, new SecretKeySpec(raw, "AES"));
    }

    /** SHA-256 alone over the 64 MiB (the reference). */
    @Benchmark
    public byte[] sha256() throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(bytes);
        return sha.digest();
    }

    /** What staging adds on the request's thread: SHA-256 (the file's identity) and CRC32C of the whole. */
    @Benchmark
    public long staging(Blackhole hole) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        CRC32C crc = new CRC32C();
        for (int from = 0; from < bytes.length; from += STAGING_BUFFER) {
            int n = Math.min(STAGING_BUFFER, bytes.length - from);
            sha.update(bytes, from, n);
            crc.update(bytes, from, n);
        }
        hole.consume(sha.digest());
        return crc.getValue();
    }

    /** Chunk + SHA-256 per block + CRC32C of the whole + object name + compress-when-it-pays + AES-256-GCM. */
    @Benchmark
    public void pipeline(Blackhole hole) throws IOException, NoSuchAlgorithmException {
        ContentDefinedChunker chunker = new ContentDefinedChunker(new ByteArrayInputStream(bytes));
        CRC32C whole = new CRC32C();
        MessageDigest block = MessageDigest.getInstance("SHA-256");
        int n;
        while ((n = chunker.next(chunk)) > 0) {
            whole.update(chunk, 0, n);
            block.update(chunk, 0, n);
            String name = key.objectName(HexFormat.of().formatHex(block.digest()));
            String storageKey = "n1/" + name.substring(0, 2) + "/" + name;
            hole.consume(BlockCodec.encode(key, storageKey, chunk, n).object());
        }
        hole.consume(whole.getValue());
    }

    /**
     * The floor under {@link #pipeline} on incompressible data whatever the chunker: SHA-256 and
     * AES-256-GCM (in {@code BlockCodec}'s 64 KiB pieces) of every byte, in 1 MiB blocks, and nothing
     * else. If {@link #sha256} / this is below 0.7, no chunker can bring the pipeline to issue 3's target.
     */
    @Benchmark
    public void shaAndGcmOnly(Blackhole hole) throws GeneralSecurityException {
        MessageDigest block = MessageDigest.getInstance("SHA-256");
        byte[] out = new byte[BLOCK + 16];
        for (int from = 0; from < bytes.length; from += BLOCK) {
            int n = Math.min(BLOCK, bytes.length - from);
            block.update(bytes, from, n);
            hole.consume(block.digest());
            ByteBuffer.wrap(nonce).putLong(4, ++nonces); // GCM refuses a repeated nonce under one key
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(128, nonce));
            int at = 0;
            for (int p = 0; p < n; p += 64 * 1024) {
                at += gcm.update(bytes, from + p, Math.min(64 * 1024, n - p), out, at);
            }
            gcm.doFinal(out, at);
            hole.consume(out);
        }
    }

    /** Compress-when-it-pays + AES-256-GCM alone over the same content-defined blocks. */
    @Benchmark
    public void compressAndEncrypt(Blackhole hole) throws IOException {
        ContentDefinedChunker chunker = new ContentDefinedChunker(new ByteArrayInputStream(bytes));
        int n;
        while ((n = chunker.next(chunk)) > 0) {
            hole.consume(BlockCodec.encode(key, "n1/ab/abcdef", chunk, n).object());
        }
    }
}
