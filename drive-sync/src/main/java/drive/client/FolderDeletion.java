package drive.client;

import drive.client.SyncState.Known;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder deleted here is deleted on the server only if the server holds nothing in it that this
 * client has not synced (a file added or edited elsewhere meanwhile). Otherwise just the synced
 * files in it are deleted there, and the folder with the other files comes back here.
 */
final class FolderDeletion {

    private final SyncFolder folder;
    private final Downloads downloads;

    FolderDeletion(SyncFolder folder, Downloads downloads) {
        this.folder = folder;
        this.downloads = downloads;
    }

    void delete(String path) throws IOException {
        List<DriveApi.Entry> remote = new ArrayList<>();
        try {
            walk(path, remote);
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            forget(path); // gone there too
            return;
        }
        List<DriveApi.Entry> foreign = remote.stream().filter(e -> !synced(e)).toList();
        if (foreign.isEmpty()) {
            folder.api.delete(path);
            forget(path);
            SyncFolder.LOG.info(() -> "deleted the folder " + path + " on the server");
            return;
        }
        for (DriveApi.Entry e : remote) {
            if (!e.folder() && synced(e)) {
                folder.api.delete(e.path());
                folder.state.files.remove(e.path());
            }
        }
        for (DriveApi.Entry e : foreign) {
            if (e.folder()) {
                folder.ensureFolder(e.path());
            } else {
                downloads.fetch(e.path());
            }
        }
        folder.ensureFolder(path);
        SyncFolder.LOG.info(() -> "kept the folder " + path + ": it holds changes made elsewhere");
    }

    private boolean synced(DriveApi.Entry e) {
        Known k = folder.state.files.get(e.path());
        return k != null
                && k.folder() == e.folder()
                && (e.folder()
                        || k.revision() == e.revision()
                        || e.sha256() != null && e.sha256().equals(k.sha256()));
    }

    private void forget(String path) {
        folder.state.subtree(path).forEach(folder.state.files::remove);
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
