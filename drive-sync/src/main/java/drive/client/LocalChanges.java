package drive.client;

import drive.client.Http.Reply;
import drive.client.LocalFiles.Local;
import drive.client.SyncState.Known;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Folder to server: scans the folder and sends what changed since the last sync — moves (as moves,
 * see {@link LocalMoves}), new folders, new and edited files as delta uploads (commit the block list,
 * {@code PUT} the blocks the server lacks, commit again) based on the revision last synced, and
 * deletions. A stale base answers 409: then the local version is committed with {@code
 * onConflict=keepBoth}, becomes the conflicted copy here too, and the server's version is fetched.
 */
final class LocalChanges {

    private final SyncFolder folder;
    private final Downloads downloads;
    private final Map<String, Chunking.Cut> cuts = new TreeMap<>();

    /** Files the server refused (bad name, too large, over quota), as they were: tried again once they change. */
    private final Map<String, Local> refused = new HashMap<>();

    LocalChanges(SyncFolder folder, Downloads downloads) {
        this.folder = folder;
        this.downloads = downloads;
    }

    void push() throws IOException {
        cuts.clear();
        try {
            pushChanges(LocalFiles.scan(folder.root));
        } finally {
            folder.save(); // what was done so far, also when a request failed
        }
    }

    private void pushChanges(TreeMap<String, Local> scan) throws IOException {
        LocalMoves moves = new LocalMoves(folder, scan, cuts);
        moves.folders();
        for (Map.Entry<String, Local> e : scan.entrySet()) {
            Known k = folder.state.files.get(e.getKey());
            if (e.getValue().folder() && k == null) {
                createFolder(e.getKey());
            }
        }
        moves.files();
        for (Map.Entry<String, Local> e : scan.entrySet()) {
            Known k = folder.state.files.get(e.getKey());
            if (e.getValue().folder() || k != null && k.folder()) {
                continue;
            }
            boolean refusedAsIs = e.getValue().equals(refused.get(e.getKey()));
            if ((k == null || !folder.unchanged(e.getKey())) && !refusedAsIs) {
                refused.remove(e.getKey());
                skippingRefusals(e, () -> upload(e.getKey(), k == null ? 0 : k.revision()));
            }
        }
        new LocalDeletions(folder, downloads).send(scan);
    }

    /** A step the server refuses for this entry alone (too large, over quota, bad name) does not stop the others. */
    private void skippingRefusals(Map.Entry<String, Local> entry, Step step) throws IOException {
        try {
            step.run();
        } catch (ApiException e) {
            if (e.status() == 0 || e.status() == 401 || e.status() >= 500 && e.status() != 507) {
                throw e; // the server or the connection: the whole round waits
            }
            refuse(entry.getKey(), entry.getValue(), e.getMessage());
        }
    }

    /** An answer about this file alone: bad name or request, too large, over quota (not auth, conflict or an outage). */
    private static boolean refusal(int status) {
        return status >= 400 && status < 500 && status != 401 && status != 409 || status == 507;
    }

    private void refuse(String path, Local asIs, String why) {
        refused.put(path, asIs);
        SyncFolder.LOG.warning(() -> "not uploaded until it changes: " + path + ": " + why);
    }

    private interface Step {
        void run() throws IOException;
    }

    private void createFolder(String path) {
        if (!folder.api.createFolder(path)) {
            Optional<DriveApi.Entry> there = folder.api.info(path);
            if (there.isEmpty() || !there.get().folder()) {
                SyncFolder.LOG.warning(() -> "cannot create the folder " + path + " on the server: a file is there");
                return;
            }
        }
        folder.state.files.put(path, Known.ofFolder());
        SyncFolder.LOG.info(() -> "created the folder " + path + " on the server");
    }

    /** Commits the local file at {@code path} on top of {@code base} (0: must be new there). */
    void upload(String path, long base) throws IOException {
        Optional<Local> before = folder.stat(path);
        Chunking.Cut cut = cuts.containsKey(path) ? cuts.get(path) : Chunking.cut(folder.local(path));
        Optional<Local> after = folder.stat(path);
        if (before.isEmpty() || !before.equals(after)) {
            return; // being written: next round
        }
        long mtime = after.get().mtime();
        Known k = folder.state.files.get(path);
        if (k != null && !k.folder() && cut.sha256().equals(k.sha256())) {
            folder.state.files.put(path, k.withMtime(mtime)); // touched, not changed
            return;
        }
        Reply reply = commit(path, cut, base, null);
        if (reply != null && reply.status() == 401) {
            throw new ApiException(401, "unauthorized", "upload of " + path + ": " + reply.text());
        }
        if (reply != null && reply.status() == 201) {
            remember(path, DriveApi.json(reply), cut, mtime);
            SyncFolder.LOG.info(() -> "uploaded " + path);
        } else if (reply != null && reply.status() == 409) {
            keepBoth(path, cut, base, mtime);
        } else if (reply != null && refusal(reply.status())) {
            refuse(path, after.get(), reply.status() + " " + reply.text());
        } else if (reply != null) {
            SyncFolder.LOG.warning(() -> "could not upload " + path + ": " + reply.status() + " " + reply.text());
        }
    }

    /** The server has another version: keep both, the local one as the conflicted copy, everywhere. */
    private void keepBoth(String path, Chunking.Cut cut, long base, long mtime) throws IOException {
        Optional<DriveApi.Entry> remote = folder.api.info(path);
        if (remote.isPresent() && cut.sha256().equals(remote.get().sha256())) {
            folder.state.files.put(
                    path,
                    new Known(
                            false,
                            remote.get().revision(),
                            cut.sha256(),
                            cut.size(),
                            mtime,
                            cut.blocks())); // the same content arrived from elsewhere
            return;
        }
        Reply reply = commit(path, cut, base, "keepBoth");
        if (reply == null || reply.status() != 201) {
            SyncFolder.LOG.warning(() -> "could not keep both versions of " + path + ": " + reply);
            return;
        }
        JsonObject file = DriveApi.json(reply);
        String copy = file.getString("path");
        if (!copy.equals(path)) {
            folder.ensureFolder(SyncFolder.parent(copy));
            Files.move(folder.local(path), folder.local(copy), StandardCopyOption.ATOMIC_MOVE);
            mtime = folder.stat(copy).orElseThrow().mtime();
            folder.state.files.remove(path);
            downloads.fetch(path);
        }
        remember(copy, file, cut, mtime);
        SyncFolder.LOG.info(() -> "conflict on " + path + ": the local version is kept as " + copy);
    }

    private void remember(String path, JsonObject file, Chunking.Cut cut, long mtime) {
        folder.state.files.put(
                path,
                new Known(
                        false,
                        file.getJsonNumber("revision").longValue(),
                        cut.sha256(),
                        cut.size(),
                        mtime,
                        cut.blocks()));
    }

    /** Commit, send the blocks the server lacks, commit again; null when the file changed under us. */
    private Reply commit(String path, Chunking.Cut cut, long base, String onConflict) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Reply reply = folder.api.commit(path, cut, base, onConflict);
            if (reply.status() != 200) {
                return reply;
            }
            List<String> missing =
                    DriveApi.json(reply).getJsonArray("missing").getValuesAs(jakarta.json.JsonString.class).stream()
                            .map(jakarta.json.JsonString::getString)
                            .toList();
            for (String sha : missing) {
                Chunking.Block block = cut.blocks().stream()
                        .filter(b -> b.sha256().equals(sha))
                        .findFirst()
                        .orElseThrow(
                                () -> new ApiException(200, "protocol", "server asked for an unknown block " + sha));
                byte[] data = Chunking.read(folder.local(path), block.offset(), block.size());
                if (data == null || !Chunking.sha256(data, data.length).equals(sha)) {
                    return null;
                }
                folder.api.putBlock(sha, data);
            }
        }
        throw new ApiException(200, "protocol", "the server kept reporting missing blocks for " + path);
    }
}
