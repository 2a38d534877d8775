package drive.keys.control;

import jakarta.ejb.ApplicationException;

/**
 * A key that data depends on cannot be produced: the master key is absent from the keystore, or a
 * wrapped data key fails to unwrap (wrong keystore, tampered row). Never worked around: without
 * the right key the data cannot be read, and guessing would give wrong bytes.
 * Passes EJB boundaries unwrapped so that readers can report it as a damaged block.
 */
@ApplicationException(rollback = true)
public class KeyUnavailableException extends RuntimeException {

    public KeyUnavailableException(String message) {
        super(message);
    }

    public KeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
