package drive.blocks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UncachedWriterTest {

    static final int PIECE = 64 * 1024;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 511, 4096, PIECE - 1, PIECE, PIECE + 1, 3 * PIECE, 3 * PIECE + 4097})
    void writesExactlyTheBytesWhetherUncachedOrNot(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        for (boolean large : new boolean[] {true, false}) {
            Path file = dir.resolve("staged-" + large);
            try (UncachedWriter out = UncachedWriter.create(file, PIECE, large)) {
                for (int at = 0; at < size; at += PIECE) {
                    int n = Math.min(PIECE, size - at);
                    out.write(Arrays.copyOfRange(data, at, at + PIECE), n); // the rest of the piece is junk
                }
                out.finish();
            }
            assertThat(Files.readAllBytes(file)).as("large=" + large).isEqualTo(data);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void onlyTheLastPieceMayBeShort(boolean large) throws Exception {
        try (UncachedWriter out = UncachedWriter.create(dir.resolve("short"), PIECE, large)) {
            out.write(new byte[PIECE], 100);
            if (out.uncached()) {
                assertThatThrownBy(() -> out.write(new byte[PIECE], PIECE)).isInstanceOf(IllegalStateException.class);
            }
        }
    }
}
