package drive.client;

import drive.client.LocalFiles.Local;
import drive.client.SyncState.Known;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One synced folder and what both directions share: its root, metadata directory and {@link
 * SyncState}, the API, and the questions "is this local entry still as we last synced it?" and
 * "make this folder exist here".
 */
final class SyncFolder {

    static final Logger LOG = Logger.getLogger("drive.sync");

    final Path root;
    final Path meta;
    final Path temp;
    final SyncState state;
    final DriveApi api;

    SyncFolder(Path root, SyncState state, DriveApi api) throws IOException {
        this.root = root;
        this.meta = root.resolve(LocalFiles.META);
        this.temp = meta.resolve("tmp");
        this.state = state;
        this.api = api;
        Files.createDirectories(temp);
        removeLeftovers();
    }

    /** Temporary files of a run that was killed (a download, a state save): never renamed into place, never needed. */
    private void removeLeftovers() throws IOException {
        for (Path dir : new Path[] {temp, meta}) {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    String name = p.getFileName().toString();
                    if (name.startsWith("download-") || name.startsWith(".tmp-")) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    Path local(String drivePath) {
        return LocalFiles.local(root, drivePath);
    }

    Optional<Local> stat(String drivePath) {
        return LocalFiles.stat(local(drivePath));
    }

    /** True when the local file at {@code path} is the one last synced (same size and modification time). */
    boolean unchanged(String path) {
        Known k = state.files.get(path);
        Optional<Local> l = stat(path);
        return k != null
                && !k.folder()
                && l.isPresent()
                && !l.get().folder()
                && l.get().size() == k.size()
                && l.get().mtime() == k.mtime();
    }

    /** Creates the local folder {@code path} and any missing parent, remembering each as synced. */
    void ensureFolder(String path) throws IOException {
        if (path.isEmpty() || path.equals("/")) {
            return;
        }
        ensureFolder(parent(path));
        Path dir = local(path);
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir);
        }
        if (!state.files.containsKey(path) || !state.files.get(path).folder()) {
            state.files.put(path, Known.ofFolder());
        }
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    void save() {
        try {
            state.save(meta.resolve("state.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the sync state", e);
        }
    }
}
