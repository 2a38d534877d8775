package drive.sync.boundary;

import drive.sync.control.ChangeNotifier;
import drive.sync.control.LongPolls;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * Each instance's subscription to {@link ChangeNotifier#TOPIC} (non-durable: a notification matters
 * only to polls waiting now): wakes the long polls waiting here on the namespace that changed. One
 * session, so the instance holds one subscription and gets each message once. Unreadable messages
 * are rethrown (the broker redelivers, then dead-letters them).
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = ChangeNotifier.TOPIC),
            @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChangeNotificationConsumer implements MessageListener {

    @Inject
    LongPolls polls;

    @Override
    public void onMessage(Message message) {
        try (JsonReader reader = Json.createReader(new StringReader(message.getBody(String.class)))) {
            JsonObject change = reader.readObject();
            polls.wake(
                    change.getJsonNumber("namespace").longValueExact(),
                    change.getJsonNumber("seq").longValueExact());
        } catch (JMSException | JsonException | ClassCastException | NullPointerException | ArithmeticException e) {
            throw new IllegalArgumentException("not a change notification: " + e, e);
        }
    }
}
