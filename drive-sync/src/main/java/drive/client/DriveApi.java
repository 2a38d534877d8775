package drive.client;

import static drive.client.Http.q;

import drive.client.Http.Reply;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drive's public API as the client uses it: one method per endpoint, JSON in and out, Drive's error
 * answers turned into {@link ApiException}s. Counts what it moves (block bytes each way, commit
 * bodies, listings), so that tests and users can see what a delta transfer cost.
 */
final class DriveApi {

    /** The cursor is too old (410 reset) or not valid here (400): the client lists everything again. */
    static final class CursorReset extends RuntimeException {
        CursorReset(String message) {
            super(message);
        }
    }

    /** A remote file's latest revision as its block list. */
    record RemoteFile(String path, long revision, long size, String sha256, List<Chunking.Block> blocks) {}

    /** One entry of a folder listing. */
    record Entry(String path, boolean folder, long revision, String sha256, long size) {}

    final AtomicLong blocksSent = new AtomicLong();
    final AtomicLong blockBytesSent = new AtomicLong();
    final AtomicLong commitBytesSent = new AtomicLong();
    final AtomicLong blocksReceived = new AtomicLong();
    final AtomicLong blockBytesReceived = new AtomicLong();
    final AtomicLong listings = new AtomicLong();

    final Http http;

    DriveApi(Http http) {
        this.http = http;
    }

    /** Registers this client as a device of the user (Basic), returning {id, token}. */
    JsonObject registerDevice(String user, String password, String name) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        http.authorization("Basic " + basic);
        String body = jakarta.json.Json.createObjectBuilder()
                .add("name", name)
                .add("kind", "sync")
                .build()
                .toString();
        return json(expect(
                http.send("POST", "/api/devices", "application/json", body.getBytes(StandardCharsets.UTF_8)),
                "register device",
                201));
    }

    void bearer(String token) {
        http.authorization("Bearer " + token);
    }

    String latestCursor() {
        return json(expect(http.send("GET", "/api/changes/latest_cursor", null, null), "latest cursor", 200))
                .getString("cursor");
    }

    /** The entries after {@code cursor}: {entries, cursor, hasMore}. */
    JsonObject changes(String cursor) {
        Reply reply = http.send("GET", "/api/changes?limit=500&cursor=" + q(cursor), null, null);
        if (reply.status() == 410 || reply.status() == 400) {
            throw new CursorReset(reply.status() + " " + reply.text());
        }
        return json(expect(reply, "changes", 200));
    }

    /** A long poll, abandoned by cancelling the future. */
    CompletableFuture<HttpResponse<byte[]>> longpoll(String cursor, int timeoutSeconds) {
        return http.sendAsync(
                "GET",
                "/api/changes/longpoll?timeout=" + timeoutSeconds + "&cursor=" + q(cursor),
                null,
                null,
                Duration.ofSeconds(timeoutSeconds + 30));
    }

    List<Entry> list(String folder) {
        listings.incrementAndGet();
        JsonObject listing =
                json(expect(http.send("GET", "/api/files/list?path=" + q(folder), null, null), "list " + folder, 200));
        List<Entry> entries = new ArrayList<>();
        for (JsonObject e : listing.getJsonArray("entries").getValuesAs(JsonObject.class)) {
            entries.add(new Entry(
                    e.getString("path"),
                    e.getBoolean("folder"),
                    Json.number(e, "revision", 0),
                    Json.string(e, "sha256"),
                    Json.number(e, "size", 0)));
        }
        return entries;
    }

    /** The entry at {@code path}, or empty (404). */
    Optional<Entry> info(String path) {
        Reply reply = http.send("GET", "/api/files/info?path=" + q(path), null, null);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        JsonObject e = json(expect(reply, "info " + path, 200));
        return Optional.of(new Entry(
                e.getString("path"),
                e.getBoolean("folder"),
                Json.number(e, "revision", 0),
                Json.string(e, "sha256"),
                Json.number(e, "size", 0)));
    }

    /** The latest revision's block list, or empty when there is no file with content at {@code path}. */
    Optional<RemoteFile> blockList(String path) {
        Reply reply = http.send("GET", "/api/files/blocks?path=" + q(path), null, null);
        if (reply.status() == 404 || reply.status() == 409) {
            return Optional.empty();
        }
        JsonObject o = json(expect(reply, "block list " + path, 200));
        List<Chunking.Block> blocks = new ArrayList<>();
        for (JsonObject b : o.getJsonArray("blocks").getValuesAs(JsonObject.class)) {
            blocks.add(new Chunking.Block(
                    b.getString("sha256"), b.getJsonNumber("offset").longValue(), b.getInt("size")));
        }
        return Optional.of(new RemoteFile(
                path,
                o.getJsonNumber("revision").longValue(),
                o.getJsonNumber("size").longValue(),
                o.getString("sha256"),
                blocks));
    }

    byte[] block(String sha256) {
        byte[] data = expect(http.send("GET", "/api/blocks/" + sha256, null, null), "block " + sha256, 200)
                .body();
        blocksReceived.incrementAndGet();
        blockBytesReceived.addAndGet(data.length);
        return data;
    }

    void putBlock(String sha256, byte[] data) {
        Reply reply = http.send("PUT", "/api/blocks/" + sha256, "application/octet-stream", data);
        expect(reply, "block upload " + sha256, 200, 201);
        blocksSent.incrementAndGet();
        blockBytesSent.addAndGet(data.length);
    }

    /** A delta commit based on {@code baseRevision} (negative: none): the raw answer (201 file, 200 {missing}, or an error such as 409). */
    Reply commit(String path, Chunking.Cut cut, long baseRevision, String onConflict) {
        JsonArrayBuilder hashes = jakarta.json.Json.createArrayBuilder();
        cut.blocks().forEach(b -> hashes.add(b.sha256()));
        JsonObjectBuilder body = jakarta.json.Json.createObjectBuilder()
                .add("path", path)
                .add("size", cut.size())
                .add("sha256", cut.sha256())
                .add("blocks", hashes);
        if (baseRevision >= 0) { // negative: unconditional
            body.add("baseRevision", baseRevision);
        }
        if (onConflict != null) {
            body.add("onConflict", onConflict);
        }
        byte[] bytes = body.build().toString().getBytes(StandardCharsets.UTF_8);
        commitBytesSent.addAndGet(bytes.length);
        return http.send("POST", "/api/files/commit", "application/json", bytes);
    }

    /** Creates a folder; false when something already is at {@code path} (409). */
    boolean createFolder(String path) {
        Reply reply = post(
                "/api/files/create_folder",
                jakarta.json.Json.createObjectBuilder().add("path", path).build());
        return expect(reply, "create folder " + path, 201, 409).status() == 201;
    }

    Reply move(String from, String to) {
        return post(
                "/api/files/move",
                jakarta.json.Json.createObjectBuilder()
                        .add("from", from)
                        .add("to", to)
                        .build());
    }

    /** Deletes a file or folder; a missing one (404) counts as deleted. */
    void delete(String path) {
        expect(
                post(
                        "/api/files/delete",
                        jakarta.json.Json.createObjectBuilder()
                                .add("path", path)
                                .build()),
                "delete " + path,
                200,
                404);
    }

    private Reply post(String endpoint, JsonObject body) {
        return http.send("POST", endpoint, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject json(Reply reply) {
        return Json.parse(reply.text());
    }

    static Reply expect(Reply reply, String what, int... statuses) {
        for (int s : statuses) {
            if (reply.status() == s) {
                return reply;
            }
        }
        String error = "unexpected", message = reply.text();
        try {
            JsonObject o = Json.parse(reply.text());
            error = Json.string(o, "error");
            message = Json.string(o, "message");
        } catch (RuntimeException notJson) {
            // keep the raw text
        }
        throw new ApiException(reply.status(), error, what + ": " + message);
    }
}
