package drive.files.control;

import drive.platform.control.DriveException;

/** A write based on a revision that is no longer the latest (409, with the latest revision). */
public class StaleRevisionException extends DriveException {

    private final long latestRevision;

    public StaleRevisionException(String message, long latestRevision) {
        super(Kind.CONFLICT, message);
        this.latestRevision = latestRevision;
    }

    public long latestRevision() {
        return latestRevision;
    }
}
