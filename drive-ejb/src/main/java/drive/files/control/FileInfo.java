package drive.files.control;

import drive.files.entity.FileEntry;
import java.time.Instant;

/** What clients see of a file or folder: its path and the state of its latest revision. */
public record FileInfo(
        String path,
        String name,
        boolean folder,
        long size,
        String sha256,
        long revision,
        Instant modified,
        String status) {

    public static FileInfo of(FileEntry entry) {
        return new FileInfo(
                entry.getPath(),
                entry.getName(),
                entry.isFolder(),
                entry.getSize(),
                entry.getSha256(),
                entry.getLatestRevision(),
                entry.getModified(),
                entry.getStatus().name().toLowerCase());
    }
}
