package drive.sync.api;

import drive.platform.control.DriveException;
import drive.security.CallerResolver;
import drive.sync.boundary.DeviceEvents;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/devices/me/events}: what the calling device (Bearer token) missed while it was
 * away, from its offline queue — taken (removed) as it is returned, oldest first.
 */
@Path("devices/me/events")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceEventsResource {

    static final int DEFAULT_LIMIT = 100;

    @EJB
    DeviceEvents events;

    @Inject
    CallerResolver callers;

    /** {@code {events: [...], hasMore}} */
    public record EventsAnswer(List<JsonObject> events, boolean hasMore) {}

    @GET
    public EventsAnswer take(@QueryParam("limit") String limit) {
        DeviceEvents.Batch batch = events.take(callers.caller(), limit == null ? DEFAULT_LIMIT : integer(limit));
        return new EventsAnswer(batch.events(), batch.more());
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw DriveException.invalid("limit must be a whole number, not '" + value + "'");
        }
    }
}
