package drive.files.control;

/** Fired when processing an upload was given up; the file keeps its previous revision, if any. */
public record UploadFailed(String jobId, long namespaceId, String path, String reason) {}
