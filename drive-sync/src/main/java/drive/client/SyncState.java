package drive.client;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the client remembers between runs, in {@code .drive-sync/state.json} inside the synced folder:
 * the server and user it belongs to, its device, the journal cursor up to which it has applied
 * changes, and every entry it last saw in step on both sides ({@link Known}: revision, content hash,
 * local size and modification time, block list — the local block index is built from these). Saved
 * atomically (temporary file, fsync, rename); readable only by its owner since it holds the device
 * token.
 */
final class SyncState {

    /** An entry in step: the server's {@code revision} with {@code sha256} is what the local file held at {@code mtime}. */
    record Known(boolean folder, long revision, String sha256, long size, long mtime, List<Chunking.Block> blocks) {

        static Known ofFolder() {
            return new Known(true, 0, null, 0, 0, List.of());
        }

        Known withMtime(long newMtime) {
            return new Known(folder, revision, sha256, size, newMtime, blocks);
        }

        Known withRevision(long newRevision) {
            return new Known(folder, newRevision, sha256, size, mtime, blocks);
        }
    }

    String url;
    String user;
    long deviceId;
    String token;
    String cursor;
    final TreeMap<String, Known> files = new TreeMap<>();

    static SyncState load(Path file) throws IOException {
        SyncState state = new SyncState();
        if (!Files.exists(file)) {
            return state;
        }
        JsonObject o = Json.parse(Files.readString(file));
        state.url = Json.string(o, "url");
        state.user = Json.string(o, "user");
        state.deviceId = Json.number(o, "deviceId", 0);
        state.token = Json.string(o, "token");
        state.cursor = Json.string(o, "cursor");
        for (Map.Entry<String, JsonValue> e : o.getJsonObject("files").entrySet()) {
            JsonObject k = e.getValue().asJsonObject();
            List<Chunking.Block> blocks = new ArrayList<>();
            long offset = 0;
            for (JsonObject b : k.getJsonArray("blocks").getValuesAs(JsonObject.class)) {
                blocks.add(new Chunking.Block(b.getString("sha256"), offset, b.getInt("size")));
                offset += b.getInt("size");
            }
            state.files.put(
                    e.getKey(),
                    new Known(
                            k.getBoolean("folder"),
                            Json.number(k, "revision", 0),
                            Json.string(k, "sha256"),
                            Json.number(k, "size", 0),
                            Json.number(k, "mtime", 0),
                            blocks));
        }
        return state;
    }

    void save(Path file) throws IOException {
        JsonObjectBuilder all = jakarta.json.Json.createObjectBuilder();
        files.forEach((path, k) -> {
            JsonArrayBuilder blocks = jakarta.json.Json.createArrayBuilder();
            k.blocks()
                    .forEach(b -> blocks.add(jakarta.json.Json.createObjectBuilder()
                            .add("sha256", b.sha256())
                            .add("size", b.size())));
            JsonObjectBuilder entry = jakarta.json.Json.createObjectBuilder()
                    .add("folder", k.folder())
                    .add("revision", k.revision())
                    .add("size", k.size())
                    .add("mtime", k.mtime())
                    .add("blocks", blocks);
            if (k.sha256() != null) {
                entry.add("sha256", k.sha256());
            }
            all.add(path, entry);
        });
        JsonObjectBuilder o =
                jakarta.json.Json.createObjectBuilder().add("version", 1).add("deviceId", deviceId);
        addIfSet(o, "url", url);
        addIfSet(o, "user", user);
        addIfSet(o, "token", token);
        addIfSet(o, "cursor", cursor);
        o.add("files", all);
        LocalFiles.writeAtomically(file, o.build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
    }

    private static void addIfSet(JsonObjectBuilder o, String name, String value) {
        if (value != null) {
            o.add(name, value);
        }
    }

    /** Known entries at {@code path} or below it, deepest first. */
    List<String> subtree(String path) {
        List<String> below =
                new ArrayList<>(files.subMap(path + "/", path + "/\uffff").keySet());
        if (files.containsKey(path)) {
            below.add(0, path);
        }
        below.sort((a, b) -> b.compareTo(a)); // children sort after their parent: reverse puts them first
        return below;
    }

    /** Moves every known entry at {@code from} or below to the same place under {@code to}. */
    void rename(String from, String to) {
        for (String path : subtree(from)) {
            files.put(to + path.substring(from.length()), files.remove(path));
        }
    }
}
