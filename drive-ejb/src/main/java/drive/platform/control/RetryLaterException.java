package drive.platform.control;

/**
 * {@link Kind#UNAVAILABLE} with a say in when to come back: the answer's {@code Retry-After}. Used
 * where many clients may be refused at once (a reconnect storm), so that each is told a different,
 * jittered delay instead of all returning together.
 */
public class RetryLaterException extends DriveException {

    private final int retryAfterSeconds;

    public RetryLaterException(String message, int retryAfterSeconds) {
        super(Kind.UNAVAILABLE, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
