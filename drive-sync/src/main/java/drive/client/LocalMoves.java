package drive.client;

import drive.client.Http.Reply;
import drive.client.LocalFiles.Local;
import drive.client.SyncState.Known;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Recognises local renames and moves, so that they reach the server as {@code POST /api/files/move}
 * (history follows, nothing is sent again) instead of a delete and an upload: a synced folder gone
 * from one place whose files all reappear under a new folder with the same sizes and modification
 * times (a rename keeps them), or a synced file gone whose content (SHA-256) reappears as a new file.
 */
final class LocalMoves {

    private final SyncFolder folder;
    private final TreeMap<String, Local> scan;
    private final Map<String, Chunking.Cut> cuts;

    LocalMoves(SyncFolder folder, TreeMap<String, Local> scan, Map<String, Chunking.Cut> cuts) {
        this.folder = folder;
        this.scan = scan;
        this.cuts = cuts;
    }

    void folders() {
        List<String> missing = topmost(folder.state.files.entrySet().stream()
                .filter(e -> e.getValue().folder() && !isFolder(scan.get(e.getKey())))
                .map(Map.Entry::getKey)
                .toList());
        List<String> added = topmost(scan.entrySet().stream()
                .filter(e -> e.getValue().folder() && !folder.state.files.containsKey(e.getKey()))
                .map(Map.Entry::getKey)
                .toList());
        for (String from : missing) {
            for (String to : added) {
                if (sameContent(from, to) && move(from, to)) {
                    added.remove(to);
                    break;
                }
            }
        }
    }

    void files() throws IOException {
        List<String> missing = new ArrayList<>(folder.state.files.entrySet().stream()
                .filter(e -> !e.getValue().folder() && scan.get(e.getKey()) == null)
                .map(Map.Entry::getKey)
                .toList());
        for (Map.Entry<String, Local> n : scan.entrySet()) {
            if (n.getValue().folder() || folder.state.files.containsKey(n.getKey())) {
                continue;
            }
            for (String from : missing) {
                Known k = folder.state.files.get(from);
                if (k.size() != n.getValue().size()) {
                    continue;
                }
                Chunking.Cut cut = cuts.computeIfAbsent(n.getKey(), p -> cutOrNull(p));
                if (cut != null && cut.sha256().equals(k.sha256()) && move(from, n.getKey())) {
                    folder.state.files.put(
                            n.getKey(),
                            folder.state
                                    .files
                                    .get(n.getKey())
                                    .withMtime(n.getValue().mtime()));
                    missing.remove(from);
                    break;
                }
            }
        }
    }

    /** Moves on the server if it still has what we synced at {@code from}; renames the known entries. */
    private boolean move(String from, String to) {
        Optional<DriveApi.Entry> remote = folder.api.info(from);
        Known k = folder.state.files.get(from);
        if (remote.isEmpty()
                || remote.get().folder() != k.folder()
                || !k.folder() && remote.get().revision() != k.revision()) {
            return false;
        }
        Reply reply = folder.api.move(from, to);
        if (reply.status() != 200) {
            SyncFolder.LOG.info(() -> "could not move " + from + " to " + to + " on the server: " + reply.text());
            return false;
        }
        folder.state.rename(from, to);
        SyncFolder.LOG.info(() -> "moved " + from + " to " + to + " on the server");
        return true;
    }

    /** Every synced file below {@code from} is below {@code to} as it was; an empty folder must keep its name. */
    private boolean sameContent(String from, String to) {
        List<Map.Entry<String, Known>> files =
                folder.state.files.subMap(from + "/", from + "/\uffff").entrySet().stream()
                        .filter(e -> !e.getValue().folder())
                        .toList();
        if (files.isEmpty()) {
            return from.substring(from.lastIndexOf('/')).equals(to.substring(to.lastIndexOf('/')));
        }
        return files.stream().allMatch(e -> {
            Local l = scan.get(to + e.getKey().substring(from.length()));
            return l != null
                    && !l.folder()
                    && l.size() == e.getValue().size()
                    && l.mtime() == e.getValue().mtime();
        });
    }

    private Chunking.Cut cutOrNull(String path) {
        try {
            return Chunking.cut(folder.local(path));
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isFolder(Local l) {
        return l != null && l.folder();
    }

    private static List<String> topmost(List<String> paths) {
        List<String> top = new ArrayList<>();
        for (String p : paths) { // sorted: a parent comes before its children
            if (top.stream().noneMatch(t -> p.startsWith(t + "/"))) {
                top.add(p);
            }
        }
        return top;
    }
}
