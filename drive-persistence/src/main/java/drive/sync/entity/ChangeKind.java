package drive.sync.entity;

/** What happened to a path, as a journal entry tells it; clients see the lowercase name. */
public enum ChangeKind {
    /** A new file got its first revision (a delta commit or a copy). */
    ADDED,
    /** An existing file got a new revision by a delta commit. */
    MODIFIED,
    /** A file or folder was deleted (recoverably). */
    DELETED,
    /** A file or folder moved: {@code previousPath} to {@code path}. */
    MOVED,
    /** An old revision's content became the newest revision. */
    RESTORED,
    /** A deleted file or folder is live again. */
    UNDELETED,
    FOLDER_CREATED,
    /** An upload's metadata is recorded; its blocks are being processed (the brief's "uploading"). */
    PENDING,
    /** An upload's blocks are stored and its revision written (the brief's "done"). */
    UPLOADED,
    /** Processing an upload was given up; the file keeps its previous revision. */
    FAILED,
    /** A pending upload lost to a change committed first and was refused; nothing was written. */
    CONFLICT,
    /** A file or folder someone shared was added to this drive at {@code path}. */
    SHARED,
    /** A shared file or folder left this drive (revoked, left, or removed from the drive). */
    UNSHARED,
    /** A notification arrived for this user (path: what it is about, "/" when not in their drive); see /api/notifications. */
    NOTIFICATION;

    public String label() {
        return name().toLowerCase();
    }
}
