package drive.files.control;

/**
 * Fired when an upload's blocks are all stored and its revision is written (the brief's completion
 * callback); observe it with {@code during = TransactionPhase.AFTER_SUCCESS}.
 */
public record UploadCompleted(String jobId, long namespaceId, String path, long revision, long size, String sha256) {}
