package drive.sync.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.json.Json;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells every instance that a namespace's journal grew, once the transaction that appended to it
 * has committed: wakes this instance's long polls at once, and publishes {@code {namespace, seq}}
 * on the JMS topic {@value #TOPIC}, whose consumer on every instance (this one included: waking is
 * idempotent) wakes its own. Both happen off the committing thread (the commit is not delayed, and
 * no resource is used in the transaction's completion). The message is non-persistent: the journal
 * is the truth, and a notification lost with a broker costs a poll at most its timeout — the
 * renewed poll finds the entries at once.
 */
@ApplicationScoped
public class ChangeNotifier {

    /** The topic of journal notifications between instances. */
    public static final String TOPIC = "drive.changes";

    private static final Logger LOG = Logger.getLogger(ChangeNotifier.class.getName());
    private static final long MESSAGE_TTL_MS = 60_000;

    @Inject
    LongPolls polls;

    @Resource(lookup = "jms/drive")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) JournalTail tail) {
        long namespace = tail.namespaceId();
        long seq = tail.lastSeq();
        executor.execute(() -> {
            polls.wake(namespace, seq);
            publish(namespace, seq);
        });
    }

    /** Publishes that {@code namespace}'s journal reached {@code seq}, for every instance's long polls. */
    public void publish(long namespace, long seq) {
        String body = Json.createObjectBuilder()
                .add("namespace", namespace)
                .add("seq", seq)
                .build()
                .toString();
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer()
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .setTimeToLive(MESSAGE_TTL_MS)
                    .send(context.createTopic(TOPIC), body);
        } catch (JMSRuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "could not publish the change of namespace " + namespace
                            + " to other instances; their long polls see it when they renew",
                    e);
        }
    }
}
