package drive.files.control;

/**
 * Where a resumable upload stands after a request: how many bytes are durably received, and the
 * file once the last byte was committed. The web layer turns each {@link Outcome} into the
 * status code of Google's protocol.
 */
public record UploadProgress(Outcome outcome, long received, long total, FileInfo file) {

    /** What the request achieved. */
    public enum Outcome {
        /** More bytes expected; {@code received} of them are durable. */
        INCOMPLETE,
        /** The chunk did not start at the acknowledged offset; nothing was written. */
        WRONG_OFFSET,
        /** The chunk's total differs from the session's, or it reaches past it; nothing was written. */
        WRONG_TOTAL,
        /** This request's bytes completed the upload: {@code file} is the new revision. */
        COMPLETED,
        /** The upload had been completed before: {@code file} is the file as it is now. */
        ALREADY_COMPLETED
    }

    public static UploadProgress of(Outcome outcome, long received, long total) {
        return new UploadProgress(outcome, received, total, null);
    }
}
