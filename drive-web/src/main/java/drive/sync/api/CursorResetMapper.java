package drive.sync.api;

import drive.platform.api.ErrorBody;
import drive.sync.control.CursorResetException;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A cursor into history no longer kept: 410 Gone, {@code {"error": "reset"}} — list again, then continue. */
@Provider
public class CursorResetMapper implements ExceptionMapper<CursorResetException> {

    @Override
    public jakarta.ws.rs.core.Response toResponse(CursorResetException e) {
        return ErrorBody.response(410, "reset", e.getMessage());
    }
}
