package drive.files.api;

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
}
