package drive.platform.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: an unexpected failure becomes a 500 that carries an id to find the logged
 * stack trace, and never the internal message itself. Unreadable request bodies (malformed JSON)
 * are the client's fault and answer 400.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof ProcessingException
                || e instanceof jakarta.json.bind.JsonbException
                || e instanceof jakarta.json.JsonException) {
            return ErrorBody.response(
                    400, "invalid_request", "the request body is not valid JSON of the expected shape");
        }
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "request failed, error id " + id, e);
        return Response.status(500)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("internal", "internal error; quote id " + id + " to your administrator", id))
                .build();
    }
}
