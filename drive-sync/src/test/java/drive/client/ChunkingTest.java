package drive.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client cuts files exactly as the server does: every shared vector of the chunking spec
 * (drive-ejb/src/test/resources/chunking) is reproduced through the client's own path — with only the
 * server's chunker class and the JDK on the class path, since drive-sync excludes the rest of drive-ejb.
 */
class ChunkingTest {

    static final Path VECTORS = Path.of("../drive-ejb/src/test/resources/chunking/vectors.json");

    static Stream<JsonObject> vectors() throws IOException {
        return Json.parse(Files.readString(VECTORS)).getJsonArray("vectors").getValuesAs(JsonObject.class).stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("vectors")
    void reproducesTheSharedVector(JsonObject vector) throws IOException {
        Chunking.Cut cut = Chunking.cut(new ByteArrayInputStream(input(vector)));

        assertThat(cut.size()).isEqualTo(vector.getJsonNumber("size").longValue());
        assertThat(cut.sha256()).isEqualTo(vector.getString("sha256"));
        List<Chunking.Block> expected = vector.getJsonArray("chunks").getValuesAs(JsonObject.class).stream()
                .map(c -> new Chunking.Block(
                        c.getString("sha256"), c.getJsonNumber("offset").longValue(), c.getInt("length")))
                .toList();
        assertThat(cut.blocks()).containsExactlyElementsOf(expected);
    }

    @Test
    void readsABlockBackFromAFileAndNothingPastItsEnd(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f");
        Files.writeString(file, "0123456789");
        assertThat(new String(Chunking.read(file, 3, 4), StandardCharsets.US_ASCII))
                .isEqualTo("3456");
        assertThat(Chunking.read(file, 8, 4)).isNull();
        assertThat(Chunking.read(dir.resolve("missing"), 0, 1)).isNull();
    }

    /** A vector's input, rebuilt from its description as the spec says. */
    private static byte[] input(JsonObject vector) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonValue value : vector.getJsonArray("input")) {
            JsonObject part = value.asJsonObject();
            out.writeBytes(
                    part.containsKey("zeros")
                            ? new byte[part.getInt("zeros")]
                            : stream(part.getString("seed"), part.getInt("size")));
        }
        return out.toByteArray();
    }

    /** Block k of a seed's stream = SHA-256(UTF-8 seed || k as 8 bytes big-endian). */
    private static byte[] stream(String seed, int size) {
        MessageDigest sha = Chunking.sha256();
        byte[] out = new byte[size];
        ByteBuffer counter = ByteBuffer.allocate(8);
        for (long k = 0, at = 0; at < size; k++, at += 32) {
            sha.update(seed.getBytes(StandardCharsets.UTF_8));
            sha.update(counter.putLong(0, k).array());
            System.arraycopy(sha.digest(), 0, out, (int) at, (int) Math.min(32, size - at));
        }
        return out;
    }
}
