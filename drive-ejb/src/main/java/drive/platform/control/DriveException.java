package drive.platform.control;

import jakarta.ejb.ApplicationException;

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
}
