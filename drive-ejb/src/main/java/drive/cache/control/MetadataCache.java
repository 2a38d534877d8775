package drive.cache.control;

import drive.platform.control.DriveException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.AdvancedCache;
import org.infinispan.context.Flag;

/**
 * Metadata reads served from memory, never stale: cached per namespace <em>epoch</em>.
 *
 * <p><b>The guarantee.</b> On any instance, a read that starts after a write's commit has returned
 * never sees the value from before that write.
 *
 * <p><b>How.</b> Every cached value lives under the key {@code epoch/what}, where {@code epoch} is
 * the current value of its namespace in the {@code namespaces} cache on this instance: a number this
 * instance never handed out before, created by the first read that finds none. A write to a namespace
 * <em>replaces</em> that epoch ({@link #invalidate}): it puts a fresh epoch on its own instance, and,
 * the cache being {@code INVALIDATION_SYNC}, the put returns only once every other member has dropped
 * its epoch for the namespace. Everything cached under an old epoch is unreachable from then on (and
 * evicted in time). {@link CacheInvalidation} does this twice for every transaction that changes a
 * namespace (every such transaction appends to the namespace's change journal): once <em>before</em>
 * the commit, in the transaction, where a member that does not acknowledge fails the write (503,
 * rolled back, nothing changed); and once <em>after</em> the database commit, before the commit
 * returns to the writer.
 *
 * <p><b>Why that suffices, including the race of a cache-miss load with an update.</b> Take a write
 * W that commits at time C and whose post-commit invalidation has reached every member at time I
 * (C &lt; I, and W's commit returns after I), and a read R that starts after W returned, so after I.
 * (1) A value R finds in the cache was put under the epoch current at R's start, which was created
 * after I (I replaced whatever was current); the read that put it took that epoch before loading
 * from the database, so its load began after I &gt; C and saw W. (2) A value R loads itself is read
 * after C. The race: a read R' that missed before C, loaded the old value from the database, and
 * puts it after I — it puts it under the epoch it took <em>before</em> loading, which I replaced, so
 * no read after I can reach it. A put never overwrites a newer epoch's entry either, since keys carry
 * the epoch. The pre-commit invalidation is not needed for (1)–(2); it makes a write fail while a
 * peer does not answer, and keeps readers from caching during the commit.
 *
 * <p><b>Failures.</b> Membership is watched by {@link CacheNodes}: while a clustered instance's view
 * is incomplete it bypasses its cache (reads go to the database), every view change empties the
 * caches, and an instance that just lost a member refuses writes for a while so that the other side
 * of a partition stops serving first. If the post-commit invalidation fails (a peer vanished between
 * the two), the write has committed; the peer, unreachable, is removed from the view within the
 * failure detection time and then bypasses its cache — the one window left is a peer that lost the
 * connection in the milliseconds between the two invalidations and read the old value meanwhile.
 *
 * <p><b>Other scopes.</b> The same holds for a scope that is not a namespace: {@link #DEVICES}, whose
 * epoch a device's revocation replaces through {@link CacheInvalidation#changing(String)}, before and
 * after its commit exactly as a namespace's journal does; so a revoked device token is refused on
 * every instance once the revocation has returned.
 *
 * <p>{@code drive.cache.invalidation=false} turns the invalidations off: for tests only, to show that
 * the staleness checker catches stale reads.
 */
@ApplicationScoped
public class MetadataCache {

    private static final Logger LOG = Logger.getLogger(MetadataCache.class.getName());

    @Inject
    CacheNodes nodes;

    @Inject
    @ConfigProperty(name = "drive.cache.invalidation", defaultValue = "true")
    boolean invalidation;

    /**
     * The scope of device tokens ({@link Region#TOKENS}): its epoch is replaced whenever a device is
     * revoked. Namespace scopes are their ids, so a name cannot clash with one.
     */
    public static final String DEVICES = "devices";

    /** The transaction resource that marks a transaction which has invalidated a scope. */
    private static final String CHANGED = MetadataCache.class.getName() + ".changed";

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Long> roots = new ConcurrentHashMap<>();

    /**
     * The id of a user's root namespace, from {@code loader} the first time: users are neither
     * renamed nor deleted and a user's root never changes, so the pair needs no invalidation.
     */
    public long rootNamespace(String username, LongSupplier loader) {
        if (!nodes.enabled()) {
            return loader.getAsLong();
        }
        Long known = roots.get(username);
        if (known != null) {
            return known;
        }
        long loaded = loader.getAsLong();
        roots.put(username, loaded);
        return loaded;
    }

    /**
     * The value of {@code what} in namespace {@code namespaceId}: from the cache, or from {@code
     * loader} (run in the caller's transaction) and then cached. Exceptions of the loader pass
     * through and nothing is cached.
     */
    public <T> T read(Region region, long namespaceId, String what, Supplier<T> loader) {
        return read(region, Long.toString(namespaceId), what, loader);
    }

    /** Whether reads are served from the cache now (it is enabled and this instance's view complete). */
    public boolean active() {
        return nodes.serving();
    }

    /**
     * As {@link #read(Region, long, String, Supplier)} for a scope other than a namespace (such as
     * {@link #DEVICES}), whose epoch {@link #invalidate(String)} replaces.
     *
     * <p>A transaction that has already changed something ({@link #invalidate} ran in it) reads past
     * the cache for the rest of its course: what it loads includes its own uncommitted writes, which
     * no other request may be served, and what the cache holds under the epoch it put may have been
     * loaded by another request from the state before those writes.
     */
    @SuppressWarnings("unchecked")
    public <T> T read(Region region, String scope, String what, Supplier<T> loader) {
        CacheStats stats = nodes.stats(region);
        if (!nodes.serving() || changedInThisTransaction()) {
            stats.bypassed.increment();
            return loader.get();
        }
        String key = epoch(scope) + "/" + what;
        AdvancedCache<String, Object> cache = nodes.cache(region);
        Object cached = cache.get(key);
        if (cached != null) {
            stats.hits.increment();
            return (T) cached;
        }
        stats.misses.increment();
        T loaded = loader.get();
        if (loaded != null) {
            nodes.local(region).putForExternalRead(key, loaded);
        }
        return loaded;
    }

    /**
     * As {@link #read(Region, String, String, Supplier)}, but always from {@code loader}, replacing
     * what this instance cached (or dropping it if the loader finds nothing): for a value whose
     * cached copy is current but too old for the caller (a device's last-seen time). As safe as
     * {@code read}: the key carries the epoch taken before the load, and every value under the current
     * epoch was loaded after the last write's invalidation.
     */
    public <T> T reread(Region region, String scope, String what, Supplier<T> loader) {
        if (!nodes.serving() || changedInThisTransaction()) {
            nodes.stats(region).bypassed.increment();
            return loader.get();
        }
        String key = epoch(scope) + "/" + what;
        nodes.stats(region).misses.increment();
        T loaded = loader.get();
        if (loaded != null) {
            nodes.local(region).put(key, loaded);
        } else {
            nodes.local(region).remove(key);
        }
        return loaded;
    }

    /** The scope's epoch on this instance, created if it has none. */
    private long epoch(String key) {
        Object current = nodes.cache(Region.NAMESPACES).get(key);
        if (current != null) {
            nodes.stats(Region.NAMESPACES).hits.increment();
            return (Long) current;
        }
        nodes.stats(Region.NAMESPACES).misses.increment();
        long fresh = nodes.nextEpoch();
        Object raced =
                nodes.cache(Region.NAMESPACES).withFlags(Flag.CACHE_MODE_LOCAL).putIfAbsent(key, fresh);
        return raced != null ? (Long) raced : fresh;
    }

    /**
     * Replaces the namespace's epoch here and drops it on every other member, waiting for them: in
     * the transaction of a change, before its commit. Throws {@link DriveException} (503, the
     * transaction rolls back) if a member does not acknowledge.
     */
    public void invalidate(long namespaceId) {
        invalidate(Long.toString(namespaceId));
    }

    /** As {@link #invalidate(long)}, for a scope other than a namespace. */
    public void invalidate(String scope) {
        if (!nodes.enabled() || !invalidation) {
            return;
        }
        nodes.checkWritable();
        markTransactionChanged();
        try {
            replaceEpoch(scope);
        } catch (RuntimeException e) {
            throw new DriveException(
                    DriveException.Kind.UNAVAILABLE,
                    "the metadata cache of another instance did not confirm the change; nothing was saved, try again",
                    e);
        }
    }

    /** As {@link #invalidate}, after the commit: a failure is logged (see the type's comment). */
    public void invalidateCommitted(long namespaceId) {
        invalidateCommitted(Long.toString(namespaceId));
    }

    /** As {@link #invalidateCommitted(long)}, for a scope other than a namespace. */
    public void invalidateCommitted(String scope) {
        if (!nodes.enabled() || !invalidation) {
            return;
        }
        try {
            replaceEpoch(scope);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "a member did not confirm the invalidation of scope " + scope
                            + " after its commit; it bypasses its cache once failure detection removes it",
                    e);
        }
    }

    private void markTransactionChanged() {
        if (transactions != null && transactions.getTransactionKey() != null) {
            transactions.putResource(CHANGED, Boolean.TRUE);
        }
    }

    private boolean changedInThisTransaction() {
        return transactions != null
                && transactions.getTransactionKey() != null
                && transactions.getResource(CHANGED) != null;
    }

    private void replaceEpoch(String scope) {
        nodes.cache(Region.NAMESPACES).withFlags(Flag.IGNORE_RETURN_VALUES).put(scope, nodes.nextEpoch());
        nodes.stats(Region.NAMESPACES).invalidations.increment();
    }
}
