package drive.sync.boundary;

import drive.platform.control.DriveException;
import drive.sync.control.OfflineQueues;
import drive.users.control.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hands a device what waited for it in its offline queue ({@link OfflineQueues}): up to {@code max}
 * events, oldest first. They are taken in the container transaction, so they leave the queue only
 * if it commits; a device that loses the answer catches up by its cursor (the journal is the truth).
 */
@Stateless
public class DeviceEvents {

    public static final int MAX_BATCH = 1000;

    @Resource(lookup = "jms/drive")
    ConnectionFactory connectionFactory;

    /** The events taken, and whether more wait. */
    public record Batch(List<JsonObject> events, boolean more) {}

    public Batch take(Caller caller, int max) {
        if (caller.deviceId() == null) {
            throw DriveException.invalid("only a device has an event queue: authenticate with its Bearer token");
        }
        if (max < 1 || max > MAX_BATCH) {
            throw DriveException.invalid("limit must be between 1 and " + MAX_BATCH);
        }
        List<JsonObject> events = new ArrayList<>();
        boolean more;
        try (JMSContext context = connectionFactory.createContext();
                JMSConsumer consumer =
                        context.createConsumer(context.createQueue(OfflineQueues.queueOf(caller.deviceId())))) {
            Message message;
            while (events.size() < max && (message = consumer.receiveNoWait()) != null) {
                events.add(parse(message));
            }
            more = events.size() == max;
        }
        events.sort(Comparator.comparingLong(
                        (JsonObject e) -> e.getJsonNumber("namespace").longValue())
                .thenComparingLong(e -> e.getJsonNumber("seq").longValue()));
        return new Batch(events, more);
    }

    private static JsonObject parse(Message message) {
        try (JsonReader reader = Json.createReader(new StringReader(message.getBody(String.class)))) {
            return reader.readObject();
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable offline event " + e, e);
        }
    }
}
