package drive.sync.api;

import drive.platform.control.DriveException;
import drive.security.CallerResolver;
import drive.security.DriveAuthentication;
import drive.sync.boundary.Changes;
import drive.sync.control.ChangePage;
import drive.sync.control.Cursor;
import drive.sync.control.LongPolls;
import drive.users.control.Caller;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.CompletionCallback;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The change journal over HTTP: {@code latest_cursor}, the entries after a cursor, and the long poll
 * (Dropbox style) that answers as soon as an entry after the cursor is committed on any instance.
 * A waiting poll holds no thread: its request is suspended ({@link AsyncResponse}) and answered by
 * {@link LongPolls} when a commit wakes it, or by the container's timer. A poll refused admission
 * (the instance full, or a storm of polls arriving at once) is answered 503 with a jittered
 * {@code Retry-After}.
 */
@Path("changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangesResource {

    static final int DEFAULT_LIMIT = 500;
    static final int DEFAULT_TIMEOUT = 30;
    static final int MAX_TIMEOUT = 480;

    @EJB
    Changes changes;

    @Inject
    LongPolls polls;

    @Inject
    CallerResolver callers;

    @Context
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "drive.longpoll.min-timeout", defaultValue = "30")
    int minTimeout;

    @Inject
    @ConfigProperty(name = "drive.longpoll.backoff-seconds", defaultValue = "2")
    int backoffSeconds;

    /** {@code {cursor}} */
    public record CursorAnswer(String cursor) {}

    /** {@code {changes: true}} or {@code {changes: false, backoff: s}} */
    public record PollAnswer(boolean changes, Integer backoff) {}

    @GET
    @Path("latest_cursor")
    public CursorAnswer latestCursor() {
        return new CursorAnswer(changes.latestCursor(callers.caller()));
    }

    @GET
    public ChangePage list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return changes.list(callers.caller(), cursor, limit == null ? DEFAULT_LIMIT : integer("limit", limit));
    }

    @GET
    @Path("longpoll")
    public void longpoll(
            @QueryParam("cursor") String cursor,
            @QueryParam("timeout") String timeout,
            @Suspended AsyncResponse response) {
        try (LongPolls.Admission admission = admission()) {
            int seconds = timeout == null ? Math.max(DEFAULT_TIMEOUT, minTimeout) : integer("timeout", timeout);
            if (seconds < minTimeout || seconds > MAX_TIMEOUT) {
                throw DriveException.invalid(
                        "timeout must be between " + minTimeout + " and " + MAX_TIMEOUT + " seconds");
            }
            Caller caller = callers.caller();
            wait(changes.checked(caller, cursor), seconds, response);
        } catch (RuntimeException e) {
            response.resume(e); // through the exception mappers, as for any other resource
        }
    }

    /** The admission {@code DriveAuthentication} took for this poll before authenticating it. */
    private LongPolls.Admission admission() {
        return request.getAttribute(DriveAuthentication.ADMISSION_ATTRIBUTE) instanceof LongPolls.Admission admission
                ? admission
                : polls.admit();
    }

    /**
     * Registers the poll, then checks the journal (in that order: see {@link LongPolls} on lost
     * wake-ups). It times out somewhat before {@code seconds} (up to 10% earlier, at random), so
     * that clients which started together do not all come back together.
     */
    private void wait(Cursor cursor, int seconds, AsyncResponse response) {
        long millis = seconds * 1000L - ThreadLocalRandom.current().nextLong(seconds * 100L + 1);
        response.setTimeout(millis, TimeUnit.MILLISECONDS);
        LongPolls.Waiter waiter = polls.register(cursor, () -> response.resume(new PollAnswer(true, null)));
        response.setTimeoutHandler(timedOut -> {
            polls.remove(waiter);
            if (waiter.claim()) {
                timedOut.resume(new PollAnswer(false, backoff()));
            } else {
                timedOut.setTimeout(5, TimeUnit.SECONDS); // woken meanwhile: that answer is on its way
            }
        });
        response.register((CompletionCallback) failure -> polls.remove(waiter));
        if (changes.changedSince(cursor)) {
            polls.remove(waiter);
            if (waiter.claim()) {
                response.resume(new PollAnswer(true, null));
            }
        }
    }

    /** Seconds to wait before polling again: {@code drive.longpoll.backoff-seconds}, plus up to as much again at random. */
    private int backoff() {
        return backoffSeconds + ThreadLocalRandom.current().nextInt(backoffSeconds + 1);
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw DriveException.invalid(name + " must be a whole number, not '" + value + "'");
        }
    }
}
