package drive.platform.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one shape of every error answer: {@code {error, message, id}} (id only on server errors);
 * a stale write's 409 adds {@code latestRevision}. Null fields are left out.
 */
public record ErrorBody(String error, String message, String id, Long latestRevision) {

    public ErrorBody(String error, String message, String id) {
        this(error, message, id, null);
    }

    public static Response response(int status, String error, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(error, message, null))
                .build();
    }
}
