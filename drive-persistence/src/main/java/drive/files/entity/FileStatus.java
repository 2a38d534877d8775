package drive.files.entity;

/** Where a file's latest content stands in the brief's metadata-first upload flow. */
public enum FileStatus {
    /** Metadata recorded, content still arriving or being processed. */
    PENDING,
    /** Every block of the latest revision is durably stored. */
    UPLOADED,
    /** Processing the latest upload failed; the previous revision is still readable. */
    FAILED
}
