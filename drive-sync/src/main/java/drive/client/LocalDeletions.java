package drive.client;

import drive.client.LocalFiles.Local;
import drive.client.SyncState.Known;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Local deletions to the server: a synced file gone from the folder is deleted there if the server
 * still has the revision last synced (else that newer version comes back here instead); a synced
 * folder gone goes through {@link FolderDeletion}. Entries written during the round (a conflicted
 * copy, a download) are not in the scan but are not deletions: each is checked on disk again.
 */
final class LocalDeletions {

    private final SyncFolder folder;
    private final Downloads downloads;

    LocalDeletions(SyncFolder folder, Downloads downloads) {
        this.folder = folder;
        this.downloads = downloads;
    }

    /** Sends the deletions that {@code scan} shows: synced entries no longer here (topmost only). */
    void send(TreeMap<String, Local> scan) throws IOException {
        List<String> gone = new ArrayList<>();
        for (Map.Entry<String, Known> e : folder.state.files.entrySet()) {
            Local l = scan.get(e.getKey());
            boolean parentGone = gone.stream().anyMatch(g -> e.getKey().startsWith(g + "/"));
            if (l == null && !parentGone) {
                gone.add(e.getKey());
            }
        }
        for (String path : gone) {
            if (!folder.state.files.containsKey(path) || folder.stat(path).isPresent()) {
                continue; // renamed by a move, or written during this round (a conflicted copy, a download)
            }
            if (folder.state.files.get(path).folder()) {
                new FolderDeletion(folder, downloads).delete(path);
            } else {
                deleteFile(path);
            }
        }
    }

    private void deleteFile(String path) throws IOException {
        Known k = folder.state.files.get(path);
        Optional<DriveApi.Entry> remote = folder.api.info(path);
        if (remote.isPresent()
                && !remote.get().folder()
                && remote.get().revision() != k.revision()
                && !remote.get().sha256().equals(k.sha256())) {
            downloads.fetch(path); // changed on the server since: that version comes back instead
            return;
        }
        if (remote.isPresent() && !remote.get().folder()) {
            folder.api.delete(path);
            SyncFolder.LOG.info(() -> "deleted " + path + " on the server");
        }
        folder.state.files.remove(path);
    }
}
