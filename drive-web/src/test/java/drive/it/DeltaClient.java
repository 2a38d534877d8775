package drive.it;

import static drive.it.DriveClient.sha256;

import drive.blocks.control.ContentDefinedChunker;
import drive.it.DriveClient.Reply;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a syncing client does for a delta upload: cut the file with Drive's chunker, commit the block
 * list, send the blocks the server reports missing, commit again. Counts the block bytes it sent.
 */
final class DeltaClient {

    private final DriveClient client;
    long blocksSent;
    long blockBytesSent;

    DeltaClient(DriveClient client) {
        this.client = client;
    }

    /** The content's blocks as Drive's chunker cuts them, in order. */
    static List<byte[]> chunks(byte[] content) {
        List<byte[]> result = new ArrayList<>();
        ContentDefinedChunker chunker = new ContentDefinedChunker(new ByteArrayInputStream(content));
        byte[] buffer = new byte[ContentDefinedChunker.MAX_SIZE];
        try {
            for (int n; (n = chunker.next(buffer)) > 0; ) {
                result.add(Arrays.copyOf(buffer, n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** The JSON body of a commit of {@code content} at {@code path}, plus {@code extra} name/value pairs (numbers as Long). */
    static String commitBody(String path, byte[] content, Object... extra) {
        JsonArrayBuilder hashes = jakarta.json.Json.createArrayBuilder();
        chunks(content).forEach(c -> hashes.add(sha256(c)));
        JsonObjectBuilder body = jakarta.json.Json.createObjectBuilder()
                .add("path", path)
                .add("size", (long) content.length)
                .add("blocks", hashes);
        for (int i = 0; i < extra.length; i += 2) {
            Object value = extra[i + 1];
            if (value instanceof Long n) {
                body.add((String) extra[i], n);
            } else {
                body.add((String) extra[i], (String) value);
            }
        }
        return body.build().toString();
    }

    Reply commit(String body) {
        return client.postJson("/api/files/commit", body);
    }

    Reply putBlock(byte[] block) {
        return client.send("PUT", "/api/blocks/" + sha256(block), block, "Content-Type", "application/octet-stream");
    }

    /** Commit, send what is missing, commit again: the final answer (201 with the file, or an error). */
    @SuppressWarnings("unchecked")
    Reply sync(String path, byte[] content, Object... extra) {
        String body = commitBody(path, content, extra);
        Reply first = commit(body);
        if (first.status() != 200) {
            return first;
        }
        Map<String, byte[]> byHash = new LinkedHashMap<>();
        chunks(content).forEach(c -> byHash.put(sha256(c), c));
        for (String hash : (List<String>) first.json().get("missing")) {
            byte[] block = byHash.get(hash);
            Reply put = putBlock(block);
            if (put.status() != 201 && put.status() != 200) {
                throw new IllegalStateException("block upload failed: " + put);
            }
            blocksSent++;
            blockBytesSent += block.length;
        }
        return commit(body);
    }
}
