package drive.blocks.control;

import static drive.blocks.control.ContentDefinedChunker.MAX_SIZE;
import static drive.blocks.control.ContentDefinedChunker.MIN_SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drive.blocks.control.ChunkingVectors.Chunk;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Properties of content-defined chunking over a 64 MiB random file (the vectors pin exact cut points). */
class ContentDefinedChunkerTest {

    private static final byte[] FILE = random(64 * 1024 * 1024, 42);
    private static final List<Chunk> CHUNKS = ChunkingVectors.chunks(FILE);

    @Test
    void insertingOneByteAtTheStartChangesAtMostTwoChunks() {
        byte[] edited = new byte[FILE.length + 1];
        edited[0] = 'x';
        System.arraycopy(FILE, 0, edited, 1, FILE.length);

        assertThat(newHashes(edited)).hasSizeBetween(1, 2);
    }

    @Test
    void deletingAFewBytesNearTheStartChangesAtMostTwoChunks() {
        byte[] edited = new byte[FILE.length - 5];
        System.arraycopy(FILE, 0, edited, 0, 100);
        System.arraycopy(FILE, 105, edited, 100, FILE.length - 105);

        assertThat(newHashes(edited)).hasSizeBetween(1, 2);
    }

    @Test
    void overwritingOneMegabyteInTheMiddleChangesAtMostThreeChunks() {
        byte[] edited = FILE.clone();
        byte[] patch = random(1024 * 1024, 43);
        System.arraycopy(patch, 0, edited, FILE.length / 2, patch.length);

        assertThat(newHashes(edited)).hasSizeBetween(1, 3);
    }

    @Test
    void everyChunkButTheLastIsBetweenMinAndMaxSize() {
        assertThat(CHUNKS.subList(0, CHUNKS.size() - 1))
                .extracting(Chunk::length)
                .allSatisfy(length -> assertThat(length).isBetween(MIN_SIZE + 1, MAX_SIZE));
        assertThat(CHUNKS.get(CHUNKS.size() - 1).length()).isBetween(1, MAX_SIZE);
        assertThat(CHUNKS.stream().mapToLong(Chunk::length).sum()).isEqualTo(FILE.length);
        // about 1 MiB on average: FastCDC's normalization keeps sizes near the target
        assertThat(FILE.length / CHUNKS.size()).isBetween(900_000, 1_400_000);
    }

    @Test
    void chunkingIsDeterministic() {
        assertThat(ChunkingVectors.chunks(FILE.clone())).isEqualTo(CHUNKS);
    }

    @Test
    void cutsDoNotDependOnHowTheStreamDeliversBytes() {
        byte[] head = java.util.Arrays.copyOf(FILE, 16 * 1024 * 1024);
        List<Chunk> expected = ChunkingVectors.chunks(head);

        assertThat(ChunkingVectors.chunks(trickling(head, 1))).isEqualTo(expected);
        assertThat(ChunkingVectors.chunks(trickling(head, 7))).isEqualTo(expected);
        assertThat(ChunkingVectors.chunks(trickling(FILE, 1024 * 1024))).isEqualTo(CHUNKS);
    }

    @Test
    void runOfZerosIsCutAtMaxSize() {
        List<Chunk> chunks = ChunkingVectors.chunks(new byte[3 * MAX_SIZE + 10]);

        assertThat(chunks).extracting(Chunk::length).containsExactly(MAX_SIZE, MAX_SIZE, MAX_SIZE, 10);
    }

    @Test
    void inputUpToMinSizeIsOneChunk() {
        assertThat(ChunkingVectors.chunks(new byte[0])).isEmpty();
        assertThat(ChunkingVectors.chunks(random(MIN_SIZE, 1)))
                .extracting(Chunk::length)
                .containsExactly(MIN_SIZE);
    }

    @Test
    void gearTableIsTheOneTheSpecDocuments() {
        assertThat(ContentDefinedChunker.GEAR[0]).isEqualTo(0xb65a9edf);
        assertThat(ContentDefinedChunker.GEAR[1]).isEqualTo(0xb061d3b1);
        assertThat(ContentDefinedChunker.GEAR[255]).isEqualTo(0x9b320aa7);
    }

    @Test
    void bufferSmallerThanMaxSizeIsRefused() {
        ContentDefinedChunker chunker = new ContentDefinedChunker(new ByteArrayInputStream(new byte[10]));

        assertThatThrownBy(() -> chunker.next(new byte[MAX_SIZE - 1])).isInstanceOf(IllegalArgumentException.class);
    }

    /** Hashes of the edited file's chunks that the original does not have: what an upload would send. */
    private static Set<String> newHashes(byte[] edited) {
        Set<String> before = CHUNKS.stream().map(Chunk::sha256).collect(Collectors.toSet());
        Set<String> after = new HashSet<>();
        ChunkingVectors.chunks(edited).forEach(c -> after.add(c.sha256()));
        after.removeAll(before);
        return after;
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new SplittableRandom(seed).nextBytes(data);
        return data;
    }

    /** A stream that never returns more than {@code step} bytes per read. */
    private static InputStream trickling(byte[] data, int step) {
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }
}
