package drive.platform.api;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the JAX-RS runtime's own refusals (unknown endpoint, wrong method, unsupported media type,
 * unparsable request) the same JSON error shape as Drive's, keeping their status and headers.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return new FallbackExceptionMapper().toResponse(e);
        }
        String message = e instanceof NotFoundException
                ? "no such endpoint"
                : e instanceof NotAllowedException
                        ? "method not allowed here; allowed: " + original.getAllowedMethods()
                        : e instanceof NotSupportedException
                                ? "unsupported Content-Type"
                                : original.getStatusInfo().getReasonPhrase();
        String error = status == 405 ? "method_not_allowed" : status == 404 ? "not_found" : "invalid_request";
        return Response.fromResponse(ErrorBody.response(status, error, message))
                .replaceAll(original.getHeaders())
                .type("application/json")
                .entity(new ErrorBody(error, message, null))
                .build();
    }
}
