package drive.messaging.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.json.Json;
import java.time.Duration;
import java.util.UUID;

/**
 * Sends a probe through the resource adapter's {@code jms/drive} and waits for
 * {@link HealthProbeConsumer} to get it: proves the connection factory, the broker and MDB delivery work.
 */
@Stateless
public class BrokerProbe {

    /** A topic: every instance hears every probe and keeps its own (see {@link HealthProbeConsumer}). */
    static final String TOPIC = "drive.health.probes";

    static final long PROBE_TTL_MS = 60_000;

    @Resource(lookup = "jms/drive")
    ConnectionFactory connectionFactory;

    @Inject
    ProbeReceipts receipts;

    /**
     * Runs without a transaction: the probe must be on the queue before we wait for it.
     *
     * @return true if the consumer got the probe within the timeout
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean roundTrip(Duration timeout) throws InterruptedException {
        String probeId = UUID.randomUUID().toString();
        receipts.expect(probeId);
        send(probeId);
        return receipts.await(probeId, timeout);
    }

    private void send(String probeId) {
        String body = Json.createObjectBuilder().add("probe", probeId).build().toString();
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer()
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .setTimeToLive(PROBE_TTL_MS)
                    .send(context.createTopic(TOPIC), body);
        }
    }
}
