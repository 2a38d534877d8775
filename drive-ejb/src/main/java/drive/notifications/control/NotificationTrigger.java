package drive.notifications.control;

import drive.sharing.control.ShareGranted;
import drive.sync.control.FileChanged;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Turns committed changes into notification work: observes each journaled {@link FileChanged} and
 * each {@link ShareGranted} in its transaction and, when someone may have to be told, queues a JSON
 * message on {@value #QUEUE} through the XA connection factory — so the message exists exactly when
 * the change committed, and the change's transaction only pays for a send. {@link
 * drive.notifications.boundary.NotificationConsumer} finds the recipients and writes the
 * notifications. Changes of a namespace nobody else shares, made by its owner, cost nothing.
 */
@ApplicationScoped
public class NotificationTrigger {

    /** The queue of notification work. */
    public static final String QUEUE = "drive.notifications";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "jms/drive")
    ConnectionFactory connectionFactory;

    void changed(@Observes FileChanged change) {
        NotificationKind kind = NotificationKind.of(change);
        if (kind == null || (!kind.toActor(change) && !othersConcerned(change))) {
            return;
        }
        send(Json.createObjectBuilder()
                .add("type", "file")
                .add("kind", kind.label())
                .add("toActor", kind.toActor(change))
                .add("namespace", change.namespaceId())
                .add("path", change.path())
                .add("folder", change.folder())
                .add("actor", change.by().username()));
    }

    void granted(@Observes ShareGranted granted) {
        send(Json.createObjectBuilder().add("type", "shared").add("share", granted.shareId()));
    }

    private void send(JsonObjectBuilder json) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer()
                    .send(context.createQueue(QUEUE), json.build().toString());
        }
    }

    /** Whether anyone but the actor may see the namespace: the actor is not its owner, or it has shares. */
    private boolean othersConcerned(FileChanged change) {
        String key = NotificationTrigger.class.getName() + "." + change.namespaceId() + "."
                + change.by().username();
        Boolean concerned = (Boolean) transactions.getResource(key);
        if (concerned == null) {
            boolean owner = em.createQuery(
                                    "SELECT COUNT(n) FROM Namespace n WHERE n.id = :ns AND n.owner.username = :username",
                                    Long.class)
                            .setParameter("ns", change.namespaceId())
                            .setParameter("username", change.by().username())
                            .getSingleResult()
                    > 0;
            concerned = !owner
                    || !em.createQuery("SELECT s.id FROM Share s WHERE s.file.namespace.id = :ns", Long.class)
                            .setParameter("ns", change.namespaceId())
                            .setMaxResults(1)
                            .getResultList()
                            .isEmpty();
            transactions.putResource(key, concerned);
        }
        return concerned;
    }
}
