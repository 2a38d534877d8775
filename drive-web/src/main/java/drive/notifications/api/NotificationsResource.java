package drive.notifications.api;

import drive.notifications.boundary.Notifications;
import drive.notifications.control.NotificationView;
import drive.platform.control.DriveException;
import drive.security.CallerResolver;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The notification center: list (newest first, paged), unread count, mark read / all read, and
 * preferences. New notifications also answer the user's long poll ({@code /api/changes/longpoll}:
 * they are journaled as kind {@code notification}).
 */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    @EJB
    Notifications notifications;

    @Inject
    CallerResolver callers;

    @GET
    public Notifications.Page list(
            @QueryParam("limit") String limit,
            @QueryParam("before") String before,
            @QueryParam("unread") String unread) {
        return notifications.list(
                callers.caller(),
                limit == null ? 20 : (int) Math.min(number("limit", limit), Integer.MAX_VALUE),
                before == null ? null : number("before", before),
                "true".equals(unread));
    }

    @GET
    @Path("unread_count")
    public Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.unread(callers.caller()));
    }

    @POST
    @Path("{id}/read")
    public NotificationView read(@PathParam("id") String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw DriveException.invalid("a notification id is a number, not '" + id + "'");
        }
        return notifications.read(callers.caller(), n);
    }

    @POST
    @Path("read_all")
    public Map<String, Integer> readAll() {
        return Map.of("marked", notifications.readAll(callers.caller()));
    }

    @GET
    @Path("preferences")
    public Notifications.Preferences preferences() {
        return notifications.preferences(callers.caller());
    }

    /** {@code {muted?: [kind…], emailDigest?: bool}} */
    @PUT
    @Path("preferences")
    @Consumes(MediaType.WILDCARD)
    public Notifications.Preferences changePreferences(InputStream body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(body)) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw DriveException.invalid(
                    "the body must be a JSON object {muted?: [kind...], emailDigest?: true|false}");
        }
        Set<String> muted = null;
        JsonValue list = json.get("muted");
        if (list != null && list != JsonValue.NULL) {
            if (!(list instanceof JsonArray array) || !array.stream().allMatch(v -> v instanceof JsonString)) {
                throw DriveException.invalid("muted must be an array of kinds");
            }
            muted = new LinkedHashSet<>(array.getValuesAs(JsonString::getString));
        }
        JsonValue digest = json.get("emailDigest");
        Boolean emailDigest = null;
        if (digest != null && digest != JsonValue.NULL) {
            if (digest != JsonValue.TRUE && digest != JsonValue.FALSE) {
                throw DriveException.invalid("emailDigest must be true or false");
            }
            emailDigest = digest == JsonValue.TRUE;
        }
        return notifications.changePreferences(callers.caller(), muted, emailDigest);
    }

    private static long number(String name, String value) {
        try {
            long n = Long.parseLong(value.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw DriveException.invalid(name + " must be a non-negative whole number");
        }
    }
}
