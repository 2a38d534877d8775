package drive.files.control;

import drive.users.control.Caller;
import java.time.Instant;
import java.util.List;

/**
 * What a folder's ZIP holds: the folder's name and, below it, every live entry with content, by
 * path relative to the folder, parents before children. Metadata only (the content is read file by
 * file while the archive is written), so its size follows the number of entries, not their bytes.
 */
public record FolderArchive(String name, Caller reader, List<Item> items) {

    /** A folder (then {@code fileId} and {@code revision} are 0), or the revision of a file to put in the ZIP. */
    public record Item(String relativePath, boolean folder, long fileId, long revision, long size, Instant modified) {}
}
