package drive.it;

import static org.assertj.core.api.Assertions.assertThat;

import drive.blocks.control.ContentDefinedChunker;
import drive.it.DriveClient.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's delta figures on a 1 GiB file (size: {@code -Ddrive.delta.mib}, default 1024): after a
 * first revision by simple upload, overwriting 1 MB in the middle sends at most 3 blocks and inserting one byte
 * at the start at most 2, counted in bytes on the wire (every request body the client sends). The
 * content is generated from a seed and streamed, so the test holds no more than a block in memory
 * and its block counts are the same on every run.
 */
class LargeDeltaHttpIT {

    private static final long SIZE = Long.getLong("drive.delta.mib", 1024) * 1024 * 1024;
    private static final long SEED = 20261122L;
    private static final int MB = 1_000_000;

    private static DriveClient user;
    private static String path;

    @BeforeAll
    static void freshUser() {
        user = DriveClient.newUser();
        path = "/" + DriveClient.unique("large-delta") + "/big.bin";
    }

    /** What one sync sent: blocks and bytes of block bodies, and bytes of every request body. */
    record Sent(int blocks, long blockBytes, long wireBytes, int fileBlocks, String sha256, Reply answer) {}

    @Test
    void aMegabyteOverwriteSendsAtMostThreeBlocksAndAOneByteInsertionAtMostTwo() {
        Supplier<InputStream> original = () -> seeded(SEED, SIZE);
        // the first revision is a simple upload: the server cuts it with the same chunker as the client
        Reply uploaded = user.uploadStream(path, original, SIZE);
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        String firstSha256 = (String) uploaded.json().get("sha256");
        assertThat(firstSha256).isEqualTo(chunks(original.get(), (hash, block, n) -> {}));

        long middle = SIZE / 2;
        Supplier<InputStream> overwritten = () -> new SequenceInputStream(
                new SequenceInputStream(limited(seeded(SEED, SIZE), middle), seeded(SEED + 1, MB)),
                skipped(seeded(SEED, SIZE), middle + MB));
        Sent edit = sync(overwritten, 1L);
        assertThat(edit.answer().status()).as("%s", edit.answer()).isEqualTo(201);

        Supplier<InputStream> inserted =
                () -> new SequenceInputStream(new ByteArrayInputStream(new byte[] {42}), overwritten.get());
        Sent insert = sync(inserted, 2L);
        assertThat(insert.answer().status()).as("%s", insert.answer()).isEqualTo(201);

        System.out.printf(
                "delta figures for a %d MiB file (first revision by simple upload): "
                        + "1 MB overwritten in the middle: %d of %d blocks sent, %d block bytes, %d bytes on the wire; "
                        + "1 byte inserted at the start: %d of %d blocks sent, %d block bytes, %d bytes on the wire%n",
                SIZE >> 20,
                edit.blocks(),
                edit.fileBlocks(),
                edit.blockBytes(),
                edit.wireBytes(),
                insert.blocks(),
                insert.fileBlocks(),
                insert.blockBytes(),
                insert.wireBytes());
        assertThat(edit.blocks())
                .as("blocks sent after overwriting 1 MB in the middle")
                .isBetween(1, 3);
        assertThat(insert.blocks())
                .as("blocks sent after inserting 1 byte at the start")
                .isBetween(1, 2);
        assertThat(user.sha256Of("/api/files/download?path=" + DriveClient.q(path)))
                .as("the latest revision downloads byte-identical")
                .isEqualTo("200:" + insert.sha256());
        assertThat(user.sha256Of("/api/files/download?path=" + DriveClient.q(path) + "&revision=1"))
                .isEqualTo("200:" + firstSha256);
    }

    /** One client sync: chunk, commit, send the missing blocks, commit again. */
    @SuppressWarnings("unchecked")
    private static Sent sync(Supplier<InputStream> content, Long baseRevision) {
        List<String> hashes = new ArrayList<>();
        long[] size = {0};
        String whole = chunks(content.get(), (hash, block, n) -> {
            hashes.add(hash);
            size[0] += n;
        });
        String body = commitBody(hashes, size[0], whole, baseRevision);
        long wire = body.length();
        Reply asked = user.postJson("/api/files/commit", body);
        if (asked.status() != 200) {
            return new Sent(0, 0, wire, hashes.size(), whole, asked);
        }
        Set<String> missing = new HashSet<>((List<String>) asked.json().get("missing"));
        int[] blocks = {0};
        long[] bytes = {0};
        chunks(content.get(), (hash, block, n) -> {
            if (missing.remove(hash)) {
                byte[] exact = java.util.Arrays.copyOf(block, n);
                Reply put = user.send("PUT", "/api/blocks/" + hash, exact, "Content-Type", "application/octet-stream");
                assertThat(put.status()).as("%s", put).isIn(200, 201);
                blocks[0]++;
                bytes[0] += n;
            }
        });
        wire += bytes[0] + body.length();
        Reply committed = user.postJson("/api/files/commit", body);
        return new Sent(blocks[0], bytes[0], wire, hashes.size(), whole, committed);
    }

    private static String commitBody(List<String> hashes, long size, String sha256, Long baseRevision) {
        var blocks = jakarta.json.Json.createArrayBuilder();
        hashes.forEach(blocks::add);
        var body = jakarta.json.Json.createObjectBuilder()
                .add("path", path)
                .add("size", size)
                .add("sha256", sha256)
                .add("blocks", blocks);
        if (baseRevision != null) {
            body.add("baseRevision", baseRevision);
        }
        return body.build().toString();
    }

    interface BlockSink {
        void accept(String sha256, byte[] block, int length);
    }

    /** Cuts the stream with Drive's chunker; returns the whole content's SHA-256. */
    private static String chunks(InputStream content, BlockSink sink) {
        try (DigestInputStream in = new DigestInputStream(content, MessageDigest.getInstance("SHA-256"))) {
            ContentDefinedChunker chunker = new ContentDefinedChunker(in);
            byte[] buffer = new byte[ContentDefinedChunker.MAX_SIZE];
            MessageDigest block = MessageDigest.getInstance("SHA-256");
            for (int n; (n = chunker.next(buffer)) > 0; ) {
                block.update(buffer, 0, n);
                sink.accept(HexFormat.of().formatHex(block.digest()), buffer, n);
            }
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code size} pseudo-random bytes from {@code seed}. */
    private static InputStream seeded(long seed, long size) {
        Random random = new Random(seed);
        return new InputStream() {
            private final byte[] buffer = new byte[1 << 16];
            private int at = buffer.length;
            private long left = size;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                if (at == buffer.length) {
                    random.nextBytes(buffer);
                    at = 0;
                }
                int n = (int) Math.min(Math.min(len, buffer.length - at), left);
                System.arraycopy(buffer, at, b, off, n);
                at += n;
                left -= n;
                return n;
            }
        };
    }

    private static InputStream limited(InputStream in, long limit) {
        return new InputStream() {
            private long left = limit;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    private static InputStream skipped(InputStream in, long bytes) {
        try {
            in.skipNBytes(bytes);
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
