package drive.blocks.control;

import static org.assertj.core.api.Assertions.assertThat;

import drive.blocks.control.ChunkingVectors.Chunk;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java chunker reproduces every committed vector exactly: the inputs are rebuilt from the
 * descriptions in vectors.json (not from the Java list), as another implementation would.
 */
class ChunkingVectorsTest {

    static Stream<JsonObject> vectors() throws IOException {
        try (InputStream in = ChunkingVectorsTest.class.getResourceAsStream("/chunking/vectors.json");
                JsonReader reader = Json.createReader(in)) {
            JsonObject file = reader.readObject();
            assertThat(file.getInt("min")).isEqualTo(ContentDefinedChunker.MIN_SIZE);
            assertThat(file.getInt("avg")).isEqualTo(ContentDefinedChunker.AVG_SIZE);
            assertThat(file.getInt("max")).isEqualTo(ContentDefinedChunker.MAX_SIZE);
            return file.getJsonArray("vectors").getValuesAs(JsonObject.class).stream();
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("vectors")
    void javaChunkerReproducesTheVector(JsonObject vector) {
        byte[] data = input(vector);
        assertThat(data).hasSize(vector.getInt("size"));
        assertThat(ChunkingVectors.sha256(data, data.length)).isEqualTo(vector.getString("sha256"));

        List<Chunk> expected = vector.getJsonArray("chunks").getValuesAs(JsonObject.class).stream()
                .map(c -> new Chunk(c.getJsonNumber("offset").longValue(), c.getInt("length"), c.getString("sha256")))
                .toList();
        assertThat(ChunkingVectors.chunks(data)).containsExactlyElementsOf(expected);
    }

    private static byte[] input(JsonObject vector) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonValue value : vector.getJsonArray("input")) {
            JsonObject part = value.asJsonObject();
            out.writeBytes(
                    part.containsKey("zeros")
                            ? new byte[part.getInt("zeros")]
                            : ChunkingVectors.stream(part.getString("seed"), part.getInt("size")));
        }
        return out.toByteArray();
    }
}
