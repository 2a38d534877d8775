package drive.client;

import drive.client.DriveApi.RemoteFile;
import drive.client.LocalFiles.Local;
import drive.client.SyncState.Known;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Delta download: rebuilds a remote revision from its block list, taking each block from a local
 * file that holds it (the local block index, built from the synced files' block lists; every block
 * read is checked against its hash) or else from {@code GET /api/blocks/{sha256}}, into a temporary
 * file that replaces the target only once complete, hashed and forced to disk — and only if the
 * target did not change meanwhile.
 */
final class Downloads {

    private final SyncFolder folder;

    Downloads(SyncFolder folder) {
        this.folder = folder;
    }

    /**
     * Brings the latest revision of {@code path} here unless the local file holds changes of its
     * own (those are the upload side's business: it will commit them and keep both on conflict).
     */
    void fetch(String path) throws IOException {
        Optional<RemoteFile> found = folder.api.blockList(path);
        if (found.isEmpty()) {
            return; // gone, moved on, or still without content: a later journal entry says what happened
        }
        RemoteFile remote = found.get();
        Known known = folder.state.files.get(path);
        Optional<Local> local = folder.stat(path);
        if (known != null
                && !known.folder()
                && remote.sha256().equals(known.sha256())
                && (local.isEmpty() || folder.unchanged(path))) {
            // in step; or deleted here since, which the upload side sends (a remote edit would differ)
            folder.state.files.put(path, known.withRevision(remote.revision()));
            return;
        }
        if (local.isPresent() && local.get().folder()) {
            SyncFolder.LOG.warning(() -> "not replacing the local folder " + path + " by the remote file");
            return;
        }
        if (local.isPresent() && !folder.unchanged(path)) {
            Chunking.Cut cut = Chunking.cut(folder.local(path));
            if (!cut.sha256().equals(remote.sha256())) {
                return; // edited here too: the upload side commits it and keeps both
            }
            adopt(path, remote, local.get().mtime());
            return;
        }
        write(path, remote, local.orElse(null));
    }

    private void adopt(String path, RemoteFile remote, long mtime) {
        folder.state.files.put(
                path, new Known(false, remote.revision(), remote.sha256(), remote.size(), mtime, remote.blocks()));
    }

    private void write(String path, RemoteFile remote, Local expected) throws IOException {
        folder.ensureFolder(SyncFolder.parent(path));
        Path temp = Files.createTempFile(folder.temp, "download-", "");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            rebuild(remote, temp);
            Path target = folder.local(path);
            if (!LocalFiles.stat(target).equals(Optional.ofNullable(expected))) {
                return; // changed while we downloaded: next round
            }
            LocalFiles.replace(temp, target);
            Local now = LocalFiles.stat(target).orElseThrow();
            adopt(path, remote, now.mtime());
            SyncFolder.LOG.info(() -> "downloaded " + path + " (revision " + remote.revision() + ")");
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void rebuild(RemoteFile remote, Path temp) throws IOException {
        Map<String, Source> index = index();
        MessageDigest whole = Chunking.sha256();
        try (OutputStream out = Files.newOutputStream(temp)) {
            for (Chunking.Block block : remote.blocks()) {
                byte[] data = fromLocal(index.get(block.sha256()), block);
                if (data == null) {
                    data = folder.api.block(block.sha256());
                    if (!Chunking.sha256(data, data.length).equals(block.sha256())) {
                        throw new IOException("block " + block.sha256() + " arrived with another hash");
                    }
                }
                whole.update(data);
                out.write(data);
            }
        }
        if (!HexFormat.of().formatHex(whole.digest()).equals(remote.sha256())) {
            throw new IOException(remote.path() + " rebuilt to another SHA-256 than revision " + remote.revision());
        }
        try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Where a block can be read locally: a synced file, offset and size. */
    private record Source(Path file, long offset, int size) {}

    private Map<String, Source> index() {
        Map<String, Source> index = new HashMap<>();
        folder.state.files.forEach((path, k) -> {
            for (Chunking.Block b : k.blocks()) {
                index.putIfAbsent(b.sha256(), new Source(folder.local(path), b.offset(), b.size()));
            }
        });
        return index;
    }

    private static byte[] fromLocal(Source source, Chunking.Block block) {
        if (source == null || source.size() != block.size()) {
            return null;
        }
        byte[] data = Chunking.read(source.file(), source.offset(), source.size());
        return data != null && Chunking.sha256(data, data.length).equals(block.sha256()) ? data : null;
    }
}
