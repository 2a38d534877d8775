package drive.platform.api;

import drive.files.control.StaleRevisionException;
import drive.platform.control.DriveException;
import drive.platform.control.RetryLaterException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps each family of domain failure to its one HTTP status, with the domain's message. */
@Provider
public class DriveExceptionMapper implements ExceptionMapper<DriveException> {

    @Override
    public Response toResponse(DriveException e) {
        return switch (e.kind()) {
            case INVALID -> ErrorBody.response(400, "invalid_request", e.getMessage());
            case UNAUTHORIZED -> ErrorBody.response(401, "unauthorized", e.getMessage());
            case FORBIDDEN -> ErrorBody.response(403, "forbidden", e.getMessage());
            case NOT_FOUND -> ErrorBody.response(404, "not_found", e.getMessage());
            case CONFLICT -> e instanceof StaleRevisionException stale
                    ? Response.status(409)
                            .type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(new ErrorBody("conflict", e.getMessage(), null, stale.latestRevision()))
                            .build()
                    : ErrorBody.response(409, "conflict", e.getMessage());
            case TOO_LARGE -> ErrorBody.response(413, "too_large", e.getMessage());
            case QUOTA -> ErrorBody.response(507, "quota_exceeded", e.getMessage());
            case UNPROCESSABLE -> ErrorBody.response(422, "unprocessable", e.getMessage());
            case UNAVAILABLE -> Response.fromResponse(ErrorBody.response(503, "unavailable", e.getMessage()))
                    .header("Retry-After", e instanceof RetryLaterException later ? later.retryAfterSeconds() : 10)
                    .build();
            case GONE -> ErrorBody.response(410, "gone", e.getMessage());
            case TOO_MANY_REQUESTS -> Response.fromResponse(
                            ErrorBody.response(429, "too_many_requests", e.getMessage()))
                    .header("Retry-After", "60")
                    .build();
        };
    }
}
