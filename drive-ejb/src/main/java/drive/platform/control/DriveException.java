package drive.platform.control;

import jakarta.ejb.ApplicationException;
import java.util.function.UnaryOperator;

/**
 * A failure the caller can understand and act on: bad input, a missing path, a conflict, a full
 * quota. The web layer maps each {@link Kind} to one HTTP status; everything else is a 500. Being
 * an application exception, it passes through EJB boundaries unwrapped and rolls the transaction
 * back.
 */
@ApplicationException(rollback = true)
public class DriveException extends RuntimeException {

    /** The families of failure, one HTTP status each. */
    public enum Kind {
        INVALID,
        UNAUTHORIZED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        TOO_LARGE,
        QUOTA,
        /** Well-formed but refused content, such as a declared hash the bytes do not match. */
        UNPROCESSABLE,
        UNAVAILABLE,
        /** Existed, but no longer: an expired share link. */
        GONE,
        /** Too many failed attempts from one client (guessing share links); retry later. */
        TOO_MANY_REQUESTS
    }

    private final Kind kind;

    /** The message as rephrased for the caller ({@link #rephrased}); null while it is the original. */
    private String shown;

    /** Whether the message already names paths as the caller sees them. */
    private boolean callerTerms;

    public DriveException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DriveException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static DriveException invalid(String message) {
        return new DriveException(Kind.INVALID, message);
    }

    public static DriveException notFound(String message) {
        return new DriveException(Kind.NOT_FOUND, message);
    }

    public static DriveException conflict(String message) {
        return new DriveException(Kind.CONFLICT, message);
    }

    public static DriveException forbidden(String message) {
        return new DriveException(Kind.FORBIDDEN, message);
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String getMessage() {
        return shown != null ? shown : super.getMessage();
    }

    /** Marks the message as naming paths as the caller sees them (so {@link #rephrased} leaves it). */
    public DriveException inCallerTerms() {
        callerTerms = true;
        return this;
    }

    /**
     * The message rewritten by {@code how} (an owner's paths as a share's recipient sees them), once:
     * a message already in the caller's terms is left as it is.
     */
    public DriveException rephrased(UnaryOperator<String> how) {
        if (!callerTerms) {
            shown = how.apply(getMessage());
            callerTerms = true;
        }
        return this;
    }
}
