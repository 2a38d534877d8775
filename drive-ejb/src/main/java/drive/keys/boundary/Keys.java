package drive.keys.boundary;

import drive.keys.control.DataKey;
import drive.keys.control.DataKeyCache;
import drive.keys.control.KeyUnavailableException;
import drive.keys.control.KeyWrap;
import drive.keys.control.MasterKey;
import drive.keys.control.MasterKeys;
import drive.keys.entity.NamespaceKey;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Data keys for the block pipeline and master-key rotation for admins. A namespace's data key is
 * created on first use (version 1; random AES-256, stored only wrapped by the current master key);
 * two instances creating it at once are settled by the primary key, the loser re-reads. Rotation
 * adds a master key, then re-wraps every data key in batches of {@link #BATCH}, each its own
 * transaction; an interrupted rotation leaves rows under the older key, which stays readable, and is
 * finished by rotating again. Blocks are never rewritten.
 */
@Stateless
public class Keys {

    static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @EJB
    MasterKeys masters;

    @Inject
    DataKeyCache cache;

    @Resource
    SessionContext context;

    /** What a rotation did. */
    public record Rotation(String masterAlias, long rewrapped) {}

    /** The data key new blocks of the namespace are encrypted with. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public DataKey current(long namespaceId) {
        return cache.latest(namespaceId).orElseGet(() -> {
            DataKey key = latestRow(namespaceId).map(this::unwrap).orElseGet(() -> createOrReread(namespaceId));
            cache.put(key, true);
            return key;
        });
    }

    /** The data key of {@code version}, named by a block object's header. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public DataKey version(long namespaceId, int version) {
        return cache.find(namespaceId, version).orElseGet(() -> {
            NamespaceKey row = em.find(NamespaceKey.class, new NamespaceKey.Key(namespaceId, version));
            if (row == null) {
                throw new KeyUnavailableException("namespace " + namespaceId + " has no data key " + version);
            }
            DataKey key = unwrap(row);
            cache.put(key, false);
            return key;
        });
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DataKey create(long namespaceId) {
        MasterKey master = masters.current();
        DataKey key = new DataKey(namespaceId, 1, KeyWrap.newDataKey());
        em.persist(new NamespaceKey(namespaceId, 1, master.alias(), KeyWrap.wrap(master, namespaceId, 1, key.key())));
        em.flush();
        return key;
    }

    /** A new master key, and every data key re-wrapped by it. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Rotation rotate() {
        MasterKey next = masters.rotate();
        Keys self = context.getBusinessObject(Keys.class);
        long total = 0;
        int done;
        while ((done = self.rewrapBatch(next.alias())) > 0) {
            total += done;
        }
        return new Rotation(next.alias(), total);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rewrapBatch(String alias) {
        MasterKey next = masters.byAlias(alias);
        List<NamespaceKey> rows = em.createQuery(
                        "SELECT k FROM NamespaceKey k WHERE k.masterAlias <> :alias", NamespaceKey.class)
                .setParameter("alias", alias)
                .setMaxResults(BATCH)
                .getResultList();
        for (NamespaceKey row : rows) {
            DataKey key = unwrap(row);
            row.rewrap(alias, KeyWrap.wrap(next, row.getNamespaceId(), row.getKeyVersion(), key.key()));
        }
        return rows.size();
    }

    private DataKey createOrReread(long namespaceId) {
        try {
            return context.getBusinessObject(Keys.class).create(namespaceId);
        } catch (EJBException collided) {
            return latestRow(namespaceId)
                    .map(this::unwrap)
                    .orElseThrow(() -> new KeyUnavailableException(
                            "cannot create the data key of namespace " + namespaceId, collided));
        }
    }

    private Optional<NamespaceKey> latestRow(long namespaceId) {
        return em.createNamedQuery(NamespaceKey.LATEST, NamespaceKey.class)
                .setParameter("namespace", namespaceId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private DataKey unwrap(NamespaceKey row) {
        MasterKey master = masters.byAlias(row.getMasterAlias());
        return new DataKey(
                row.getNamespaceId(),
                row.getKeyVersion(),
                KeyWrap.unwrap(master, row.getNamespaceId(), row.getKeyVersion(), row.getWrappedKey()));
    }
}
