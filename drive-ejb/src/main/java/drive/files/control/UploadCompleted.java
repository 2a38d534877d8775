package drive.files.control;

/**
 * Fired when a new revision is written: an upload's blocks are all stored (the brief's completion
 * callback; {@code jobId} names the upload job), or a delta commit or a restore wrote it ({@code jobId}
 * null). Observe it with {@code during = TransactionPhase.AFTER_SUCCESS}.
 */
public record UploadCompleted(String jobId, long namespaceId, String path, long revision, long size, String sha256) {}
