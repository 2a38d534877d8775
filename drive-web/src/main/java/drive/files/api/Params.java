package drive.files.api;

import drive.files.control.WriteCondition;
import drive.files.entity.OnConflict;
import drive.platform.control.DriveException;

/** Reads numeric request parameters, answering 400 (not JAX-RS's default 404) when they are malformed. */
final class Params {

    private Params() {}

    static long nonNegative(String name, String value) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                throw DriveException.invalid(name + " must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw DriveException.invalid(name + " must be a whole number, not '" + value + "'");
        }
    }

    static OnConflict onConflict(String value) {
        try {
            return OnConflict.parse(value);
        } catch (IllegalArgumentException e) {
            throw DriveException.invalid(e.getMessage());
        }
    }

    /** The write condition of a request: its base revision, {@code If-Match} and {@code onConflict}. */
    static WriteCondition condition(Long baseRevision, String ifMatch, String onConflict) {
        if (baseRevision != null && ifMatch != null) {
            throw DriveException.invalid("give baseRevision or If-Match, not both");
        }
        return new WriteCondition(baseRevision, ifMatch, onConflict(onConflict));
    }
}
