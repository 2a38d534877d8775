package drive.files.control;

import drive.files.entity.FileEntry;
import java.time.Instant;

/** A deleted file or folder as clients see it: where it was, its latest state, and when it was deleted. */
public record DeletedEntry(
        String path,
        String name,
        boolean folder,
        long size,
        String sha256,
        long revision,
        Instant modified,
        Instant deleted) {

    public static DeletedEntry of(FileEntry entry) {
        return new DeletedEntry(
                entry.getPath(),
                entry.getName(),
                entry.isFolder(),
                entry.getSize(),
                entry.getSha256(),
                entry.getLatestRevision(),
                entry.getModified(),
                entry.getDeleted());
    }
}
