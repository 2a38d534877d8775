package drive.client;

import drive.client.LocalFiles.Local;
import drive.client.SyncState.Known;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Server to folder: reads the change journal from the saved cursor and applies each entry here —
 * downloads (delta), folders made, deletions, moves as local renames — leaving local edits alone
 * (the upload side commits them, keeping both on conflict). Applying an entry is idempotent, so the
 * client's own changes coming back through the journal cost nothing. Without a cursor, or when the
 * server answers 410 {@code reset}, it lists everything and reconciles instead.
 */
final class RemoteChanges {

    private static final Set<String> CONTENT = Set.of("added", "modified", "restored", "uploaded", "undeleted");

    private final SyncFolder folder;
    private final Downloads downloads;

    RemoteChanges(SyncFolder folder, Downloads downloads) {
        this.folder = folder;
        this.downloads = downloads;
    }

    /** Applies every change after the cursor; returns the number of journal entries read. */
    int pull() throws IOException {
        if (folder.state.cursor == null) {
            relist();
            return 0;
        }
        int read = 0;
        while (true) {
            JsonObject page;
            try {
                page = folder.api.changes(folder.state.cursor);
            } catch (DriveApi.CursorReset e) {
                SyncFolder.LOG.info(() -> "the cursor is no longer valid (" + e.getMessage() + "): listing everything");
                relist();
                return read;
            }
            for (JsonObject entry : page.getJsonArray("entries").getValuesAs(JsonObject.class)) {
                apply(entry);
                read++;
            }
            folder.state.cursor = page.getString("cursor");
            folder.save();
            if (!page.getBoolean("hasMore")) {
                return read;
            }
        }
    }

    void apply(JsonObject entry) throws IOException {
        String kind = entry.getString("kind");
        String path = entry.getString("path");
        boolean isFolder = entry.getBoolean("folder");
        if (kind.equals("deleted")) {
            removeLocal(path);
        } else if (kind.equals("moved")) {
            moveLocal(entry.getString("previousPath"), path, isFolder);
        } else if (isFolder && (kind.equals("folder_created") || CONTENT.contains(kind))) {
            Known k = folder.state.files.get(path);
            if (k == null || !k.folder()) { // a known one deleted here since is the upload side's business
                folder.ensureFolder(path);
            }
        } else if (CONTENT.contains(kind)) {
            Known k = folder.state.files.get(path);
            long revision = Json.number(entry, "revision", Long.MAX_VALUE);
            if (k != null
                    && !k.folder()
                    && k.revision() >= revision
                    && k.sha256().equals(Json.string(entry, "sha256"))) {
                return; // synced already (typically our own change coming back)
            }
            downloads.fetch(path);
        }
        // pending, failed, conflict: nothing to do until the content is there ("uploaded")
    }

    /** The remote entry (and all below it) went away: delete what is unchanged here; keep local edits as new files. */
    void removeLocal(String path) throws IOException {
        List<String> below = folder.state.subtree(path);
        for (String p : below) { // deepest first
            Known k = folder.state.files.get(p);
            if (!k.folder() && folder.unchanged(p)) {
                Files.deleteIfExists(folder.local(p));
            }
        }
        for (String p : below) {
            if (folder.state.files.get(p).folder()) {
                try {
                    Files.deleteIfExists(folder.local(p));
                } catch (java.nio.file.DirectoryNotEmptyException keptForLocalChanges) {
                    // a new or edited file inside: the folder stays, and goes up again with it
                }
            }
            folder.state.files.remove(p);
        }
        if (!below.isEmpty()) {
            SyncFolder.LOG.info(() -> "deleted " + path + " here, as on the server");
        }
    }

    /** A remote move: rename here when the source is as we synced it, else fall back to delete + fetch. */
    void moveLocal(String from, String to, boolean isFolder) throws IOException {
        Known atTarget = folder.state.files.get(to);
        if (atTarget != null && folder.stat(to).isPresent()) {
            return; // done already (a child of a moved folder, or our own move)
        }
        Known atSource = folder.state.files.get(from);
        Optional<Local> source = folder.stat(from);
        boolean intact = atSource != null
                && source.isPresent()
                && (isFolder ? source.get().folder() : folder.unchanged(from));
        if (intact && folder.stat(to).isEmpty()) {
            folder.ensureFolder(SyncFolder.parent(to));
            Files.move(folder.local(from), folder.local(to), StandardCopyOption.ATOMIC_MOVE);
            folder.state.rename(from, to);
            SyncFolder.LOG.info(() -> "moved " + from + " to " + to + " here, as on the server");
            return;
        }
        removeLocal(from);
        if (isFolder) {
            folder.ensureFolder(to);
        } else {
            downloads.fetch(to);
        }
    }

    /** Full listing (first run, or after a reset): cursor first, so that changes during the listing are replayed after. */
    void relist() throws IOException {
        String cursor = folder.api.latestCursor();
        List<DriveApi.Entry> remote = new ArrayList<>();
        walk("/", remote);
        Set<String> present = new java.util.HashSet<>();
        for (DriveApi.Entry e : remote) {
            present.add(e.path());
            if (e.folder()) {
                folder.ensureFolder(e.path());
                continue;
            }
            Known k = folder.state.files.get(e.path());
            if (k != null
                    && !k.folder()
                    && e.sha256() != null
                    && e.sha256().equals(k.sha256())
                    && folder.unchanged(e.path())) {
                folder.state.files.put(e.path(), k.withRevision(e.revision()));
            } else if (e.revision() > 0) {
                downloads.fetch(e.path());
            }
        }
        for (String known : new ArrayList<>(folder.state.files.descendingKeySet())) {
            if (!present.contains(known) && folder.state.files.containsKey(known)) {
                removeLocal(known); // deleted on the server while we were away
            }
        }
        folder.state.cursor = cursor;
        folder.save();
    }

    private void walk(String path, List<DriveApi.Entry> into) {
        for (DriveApi.Entry e : folder.api.list(path)) {
            into.add(e);
            if (e.folder()) {
                walk(e.path(), into);
            }
        }
    }
}
