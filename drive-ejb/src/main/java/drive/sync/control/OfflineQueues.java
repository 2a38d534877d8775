package drive.sync.control;

import drive.sharing.control.Mount;
import drive.sharing.entity.Share;
import drive.sync.entity.ChangeEntry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline backup queue: every journal entry goes, as JSON, into a durable queue per device of
 * the namespace's owner ({@value #PREFIX}{@code <device id>}; the device that made the change is
 * skipped), so a device that was away finds what it missed, in order. The messages are persistent
 * and sent through the XA connection factory in the transaction that writes the entry: they exist
 * exactly when the change committed, and survive broker restarts. The broker bounds each queue (a
 * ring of {@code drive.offline.max-events}: the oldest go first); the journal stays the truth, so a
 * device whose queue overflowed still catches up by cursor. Users without devices cost nothing.
 * Recipients who added a shared folder or file to their drive get the entries inside it too, with
 * the paths they see ({@code /<mount>/…}).
 */
@ApplicationScoped
public class OfflineQueues {

    /** Address (and queue) prefix of the per-device queues. */
    public static final String PREFIX = "drive.device.";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "jms/drive")
    ConnectionFactory connectionFactory;

    /** The queue of one device. */
    public static String queueOf(long deviceId) {
        return PREFIX + deviceId;
    }

    /** Queues {@code entry} for the owner's other devices, in the current transaction. */
    void enqueue(ChangeEntry entry) {
        send(devicesOf(entry.getNamespaceId()), entry, event(entry).build().toString());
        for (Recipient r : recipientsOf(entry.getNamespaceId())) {
            String path = r.mount().outward(entry.getPath());
            if (path != null) {
                JsonObjectBuilder json = event(entry).add("path", path);
                String previous = r.mount().outward(entry.getPreviousPath());
                if (previous != null) {
                    json.add("previousPath", previous);
                } else {
                    json.remove("previousPath");
                }
                send(r.devices(), entry, json.build().toString());
            }
        }
    }

    /** Someone who added a share of the namespace to their drive, with their devices. */
    private record Recipient(Mount mount, List<Long> devices) {}

    private void send(List<Long> devices, ChangeEntry entry, String body) {
        if (devices.stream().allMatch(d -> d.equals(entry.getDeviceId()))) {
            return;
        }
        try (JMSContext context = connectionFactory.createContext()) {
            JMSProducer producer = context.createProducer();
            for (Long device : devices) {
                if (!device.equals(entry.getDeviceId())) {
                    producer.send(context.createQueue(queueOf(device)), body);
                }
            }
        }
    }

    /** The mounts of the namespace's shares and their recipients' devices, looked up once per transaction. */
    @SuppressWarnings("unchecked")
    private List<Recipient> recipientsOf(long namespaceId) {
        String key = OfflineQueues.class.getName() + ".recipients." + namespaceId;
        List<Recipient> recipients = (List<Recipient>) transactions.getResource(key);
        if (recipients == null) {
            recipients = new ArrayList<>();
            for (Share share : em.createNamedQuery(Share.MOUNTED_IN, Share.class)
                    .setParameter("namespace", namespaceId)
                    .getResultList()) {
                List<Long> devices = em.createQuery(
                                "SELECT d.id FROM Device d WHERE d.user = :user AND d.revoked = false ORDER BY d.id",
                                Long.class)
                        .setParameter("user", share.getGrantee())
                        .getResultList();
                if (!devices.isEmpty()) {
                    recipients.add(new Recipient(Mount.of(share), devices));
                }
            }
            transactions.putResource(key, recipients);
        }
        return recipients;
    }

    /** The devices of the namespace's owner, looked up once per transaction and namespace. */
    @SuppressWarnings("unchecked")
    private List<Long> devicesOf(long namespaceId) {
        String key = OfflineQueues.class.getName() + "." + namespaceId;
        List<Long> devices = (List<Long>) transactions.getResource(key);
        if (devices == null) {
            devices = em.createQuery(
                            "SELECT d.id FROM Device d, Namespace n WHERE n.id = :ns AND d.user = n.owner"
                                    + " AND d.revoked = false ORDER BY d.id",
                            Long.class)
                    .setParameter("ns", namespaceId)
                    .getResultList();
            transactions.putResource(key, devices);
        }
        return devices;
    }

    /** The entry as a device receives it: a journal entry as {@code /api/changes} shows it, plus its namespace. */
    static JsonObjectBuilder event(ChangeEntry e) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("namespace", e.getNamespaceId())
                .add("seq", e.getSeq())
                .add("kind", e.getKind().label())
                .add("path", e.getPath())
                .add("folder", e.isFolder())
                .add("user", e.getUsername())
                .add("time", e.getCreated().toString());
        optional(json, "previousPath", e.getPreviousPath());
        optional(json, "revision", e.getRevision());
        optional(json, "size", e.getSize());
        optional(json, "sha256", e.getSha256());
        optional(json, "device", e.getDeviceName());
        return json;
    }

    private static void optional(JsonObjectBuilder json, String name, Object value) {
        if (value instanceof Long number) {
            json.add(name, number);
        } else if (value != null) {
            json.add(name, value.toString());
        }
    }
}
