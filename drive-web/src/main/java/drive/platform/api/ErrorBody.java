package drive.platform.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one shape of every error answer: {@code {error, message, id}} (id only on server errors). */
public record ErrorBody(String error, String message, String id) {

    public static Response response(int status, String error, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(error, message, null))
                .build();
    }
}
