package drive.messaging.control;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * Receives {@link BrokerProbe}'s messages through the Artemis adapter's inbound side and reports them.
 * The probes go out on a topic, each instance subscribed (non-durably): with several instances on one
 * broker, a queue would hand an instance's probe to another one, and its readiness would fail at random.
 * An instance ignores the others' probes ({@link ProbeReceipts} knows only its own).
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = BrokerProbe.TOPIC),
            @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
        })
public class HealthProbeConsumer implements MessageListener {

    @Inject
    ProbeReceipts receipts;

    @Override
    public void onMessage(Message message) {
        try (JsonReader reader = Json.createReader(new StringReader(message.getBody(String.class)))) {
            JsonObject probe = reader.readObject();
            receipts.received(probe.getString("probe"));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable health probe", e);
        }
    }
}
