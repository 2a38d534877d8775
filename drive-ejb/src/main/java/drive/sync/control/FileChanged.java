package drive.sync.control;

import drive.files.entity.FileEntry;
import drive.sync.entity.ChangeKind;
import drive.users.control.Caller;

/**
 * A change of one path, fired (synchronously) by the facade that makes it, inside its transaction:
 * {@link JournalWriter} appends it to the namespace's journal in that transaction. Fire it after the
 * change is flushed, as the last thing the transaction does (see {@link JournalWriter} on locks).
 */
public record FileChanged(
        long namespaceId,
        ChangeKind kind,
        String path,
        String previousPath,
        boolean folder,
        Long revision,
        Long size,
        String sha256,
        Caller by) {

    /** The entry as it now is (for a deleted one: as it was when deleted). */
    public static FileChanged of(ChangeKind kind, FileEntry entry, Caller by) {
        return new FileChanged(
                entry.getNamespace().getId(),
                kind,
                entry.getPath(),
                null,
                entry.isFolder(),
                entry.isFolder() ? null : entry.getLatestRevision(),
                entry.isFolder() ? null : entry.getSize(),
                entry.isFolder() ? null : entry.getSha256(),
                by);
    }

    /** The entry moved here from {@code previousPath}. */
    public static FileChanged moved(FileEntry entry, String previousPath, Caller by) {
        FileChanged now = of(ChangeKind.MOVED, entry, by);
        return new FileChanged(
                now.namespaceId, now.kind, now.path, previousPath, now.folder, now.revision, now.size, now.sha256, by);
    }

    /** A step of an upload of {@code size} bytes with {@code sha256} to {@code path} ({@code revision} once written). */
    public static FileChanged upload(
            ChangeKind kind, long namespaceId, String path, Long revision, long size, String sha256, Caller by) {
        return new FileChanged(namespaceId, kind, path, null, false, revision, size, sha256, by);
    }
}
