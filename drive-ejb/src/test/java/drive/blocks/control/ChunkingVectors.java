package drive.blocks.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The shared chunking test vectors (src/test/resources/chunking): how their inputs are generated, so
 * that any implementation can rebuild them, and {@link #main} that rewrites {@code vectors.json} from
 * this list and the Java chunker. Run it only when the spec itself changes.
 */
final class ChunkingVectors {

    /** One part of a vector's input: {@code size} bytes of the seed's stream, or of zeros when seed is null. */
    record Part(String seed, int size) {}

    record Vector(String name, List<Part> parts) {}

    record Chunk(long offset, int length, String sha256) {}

    static final List<Vector> ALL = List.of(
            new Vector("empty", List.of()),
            new Vector("tiny", List.of(new Part("drive-cdc/tiny", 1000))),
            new Vector("exactly-min", List.of(new Part("drive-cdc/min", ContentDefinedChunker.MIN_SIZE))),
            new Vector("min-plus-one", List.of(new Part("drive-cdc/min", ContentDefinedChunker.MIN_SIZE + 1))),
            new Vector("exactly-avg", List.of(new Part("drive-cdc/avg", ContentDefinedChunker.AVG_SIZE))),
            new Vector("around-avg", List.of(new Part("drive-cdc/around-avg", 1_500_000))),
            new Vector("over-max", List.of(new Part("drive-cdc/over-max", ContentDefinedChunker.MAX_SIZE + 1_000_003))),
            new Vector("zeros", List.of(new Part(null, 10 * 1024 * 1024))),
            new Vector(
                    "zeros-between-random",
                    List.of(
                            new Part("drive-cdc/mixed-a", 2 * 1024 * 1024),
                            new Part(null, 9 * 1024 * 1024),
                            new Part("drive-cdc/mixed-b", 2 * 1024 * 1024))),
            new Vector("large", List.of(new Part("drive-cdc/large", 32 * 1024 * 1024 + 12345))));

    private ChunkingVectors() {}

    /** Block k of a seed's stream = SHA-256(UTF-8 seed || k as 8 bytes big-endian), k = 0, 1, 2, ... */
    static byte[] stream(String seed, int size) {
        MessageDigest sha = BlockIngest.sha256();
        byte[] label = seed.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[size];
        ByteBuffer counter = ByteBuffer.allocate(8);
        for (long k = 0, at = 0; at < size; k++, at += 32) {
            sha.update(label);
            sha.update(counter.putLong(0, k).array());
            byte[] block = sha.digest();
            System.arraycopy(block, 0, out, (int) at, (int) Math.min(32, size - at));
        }
        return out;
    }

    static byte[] input(Vector vector) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : vector.parts()) {
            out.writeBytes(part.seed() == null ? new byte[part.size()] : stream(part.seed(), part.size()));
        }
        return out.toByteArray();
    }

    static List<Chunk> chunks(InputStream in) {
        try {
            ContentDefinedChunker chunker = new ContentDefinedChunker(in);
            byte[] buffer = new byte[ContentDefinedChunker.MAX_SIZE];
            List<Chunk> chunks = new ArrayList<>();
            long offset = 0;
            int n;
            while ((n = chunker.next(buffer)) > 0) {
                chunks.add(new Chunk(offset, n, sha256(buffer, n)));
                offset += n;
            }
            return chunks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Chunk> chunks(byte[] data) {
        return chunks(new ByteArrayInputStream(data));
    }

    static String sha256(byte[] data, int length) {
        MessageDigest sha = BlockIngest.sha256();
        sha.update(data, 0, length);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Writes vectors.json to the path given (default: the test resource in this module). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "src/test/resources/chunking/vectors.json");
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"spec\": \"drive-cdc-2\",\n");
        json.append("  \"min\": ").append(ContentDefinedChunker.MIN_SIZE);
        json.append(", \"avg\": ").append(ContentDefinedChunker.AVG_SIZE);
        json.append(", \"max\": ").append(ContentDefinedChunker.MAX_SIZE).append(",\n");
        json.append("  \"vectors\": [");
        for (int v = 0; v < ALL.size(); v++) {
            Vector vector = ALL.get(v);
            byte[] data = input(vector);
            json.append(v == 0 ? "\n" : ",\n").append("    {\n");
            json.append("      \"name\": \"").append(vector.name()).append("\",\n");
            json.append("      \"input\": [");
            for (int p = 0; p < vector.parts().size(); p++) {
                Part part = vector.parts().get(p);
                json.append(p == 0 ? "" : ", ");
                if (part.seed() == null) {
                    json.append("{\"zeros\": ").append(part.size()).append('}');
                } else {
                    json.append("{\"seed\": \"").append(part.seed()).append("\", \"size\": ");
                    json.append(part.size()).append('}');
                }
            }
            json.append("],\n");
            json.append("      \"size\": ").append(data.length).append(",\n");
            json.append("      \"sha256\": \"")
                    .append(sha256(data, data.length))
                    .append("\",\n");
            json.append("      \"chunks\": [");
            List<Chunk> chunks = chunks(data);
            for (int c = 0; c < chunks.size(); c++) {
                Chunk chunk = chunks.get(c);
                json.append(c == 0 ? "\n" : ",\n");
                json.append("        {\"offset\": ").append(chunk.offset());
                json.append(", \"length\": ").append(chunk.length());
                json.append(", \"sha256\": \"").append(chunk.sha256()).append("\"}");
            }
            json.append(chunks.isEmpty() ? "]\n" : "\n      ]\n").append("    }");
        }
        json.append("\n  ]\n}\n");
        Files.writeString(target, json);
    }
}
