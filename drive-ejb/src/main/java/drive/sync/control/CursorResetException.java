package drive.sync.control;

import drive.platform.control.DriveException;
import jakarta.ejb.ApplicationException;

/**
 * The cursor points into history that is no longer kept ({@code drive.journal.keep-days}): the
 * client must list its files afresh and continue from {@code latest_cursor}. Answered 410 Gone
 * with {@code {"error": "reset"}}.
 */
@ApplicationException(rollback = true)
public class CursorResetException extends DriveException {

    public CursorResetException() {
        super(
                Kind.INVALID,
                "this cursor points into history that is no longer kept: list the files again, then continue"
                        + " from GET /api/changes/latest_cursor");
    }
}
