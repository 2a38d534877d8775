package drive.cache.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read and invalidation protocol on a real (local) Infinispan cache manager, without a container. */
class MetadataCacheTest {

    private static CacheNodes nodes;
    private static final AtomicInteger NAMESPACES = new AtomicInteger(100);

    private final MetadataCache cut = cache(true);
    private final AtomicReference<String> database = new AtomicReference<>("v1");
    private final AtomicInteger loads = new AtomicInteger();
    private final long ns = NAMESPACES.incrementAndGet();

    @BeforeAll
    static void start() {
        nodes = new CacheNodes();
        nodes.enabled = "true";
        nodes.configFile = Optional.empty();
        nodes.expectedMembers = 1;
        nodes.fenceSeconds = 15;
        nodes.start(null);
    }

    @AfterAll
    static void stop() {
        nodes.stop();
    }

    private static MetadataCache cache(boolean invalidation) {
        MetadataCache cache = new MetadataCache();
        cache.nodes = nodes;
        cache.invalidation = invalidation;
        return cache;
    }

    private String read(MetadataCache cache) {
        return cache.read(Region.FILES, ns, "/a.txt", () -> {
            loads.incrementAndGet();
            return database.get();
        });
    }

    /** A write as the transaction does it: invalidate, change the database, commit, invalidate again. */
    private void write(MetadataCache cache, String value) {
        cache.invalidate(ns);
        database.set(value);
        cache.invalidateCommitted(ns);
    }

    @Test
    void secondReadIsAnsweredFromTheCache() {
        assertThat(read(cut)).isEqualTo("v1");
        assertThat(read(cut)).isEqualTo("v1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void readAfterAWriteSeesTheWrite() {
        read(cut);
        write(cut, "v2");
        assertThat(read(cut)).isEqualTo("v2");
        assertThat(read(cut)).isEqualTo("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void otherNamespacesStayCached() {
        String other = cut.read(Region.FILES, ns + 1_000_000, "/a.txt", () -> "other");
        write(cut, "v2");
        assertThat(cut.read(Region.FILES, ns + 1_000_000, "/a.txt", () -> "reloaded"))
                .isEqualTo(other);
    }

    /**
     * The race of a cache-miss load with an update: the load reads the old value, the update commits
     * and invalidates, and only then does the load put what it read. The next read must not see it.
     */
    @Test
    void aLoadThatRacedACommitCannotCacheTheOldValue() {
        String raced = cut.read(Region.FILES, ns, "/a.txt", () -> {
            String old = database.get(); // read before the commit
            write(cut, "v2"); // the concurrent update commits and invalidates meanwhile
            return old;
        });
        assertThat(raced).isEqualTo("v1"); // concurrent with the write: may see the old value
        assertThat(read(cut)).isEqualTo("v2"); // starts after the write returned: must not
    }

    @Test
    void aLoadBetweenTheInvalidationsCannotCacheTheOldValue() {
        cut.invalidate(ns); // the transaction is about to commit
        assertThat(read(cut)).isEqualTo("v1"); // a read loads the still-committed old value
        database.set("v2");
        cut.invalidateCommitted(ns);
        assertThat(read(cut)).isEqualTo("v2");
    }

    @Test
    void failedLoadsAreNotCached() {
        assertThatThrownBy(() -> cut.read(Region.FILES, ns, "/missing", () -> {
                    throw new IllegalStateException("not found");
                }))
                .hasMessage("not found");
        assertThat(cut.read(Region.FILES, ns, "/missing", () -> "created")).isEqualTo("created");
    }

    @Test
    void withInvalidationOffReadsGoStale() {
        MetadataCache careless = cache(false);
        read(careless);
        write(careless, "v2");
        assertThat(read(careless)).isEqualTo("v1");
    }

    @Test
    void clearingTheNamespacesDropsEveryCachedRead() {
        read(cut);
        nodes.clear(Region.NAMESPACES);
        read(cut);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aScopeIsInvalidatedOnItsOwnNotByANamespace() {
        String scope = MetadataCache.DEVICES + "-" + ns;
        AtomicReference<String> device = new AtomicReference<>("active");
        assertThat(cut.read(Region.TOKENS, scope, "hash", device::get)).isEqualTo("active");
        device.set("revoked");
        cut.invalidate(ns); // a file write elsewhere does not touch the devices' scope
        cut.invalidateCommitted(ns);
        assertThat(cut.read(Region.TOKENS, scope, "hash", device::get)).isEqualTo("active");
        cut.invalidate(scope);
        cut.invalidateCommitted(scope);
        assertThat(cut.read(Region.TOKENS, scope, "hash", device::get)).isEqualTo("revoked");
    }

    @Test
    void rereadReplacesTheCachedValueOrDropsIt() {
        String scope = MetadataCache.DEVICES + "-" + ns;
        assertThat(cut.read(Region.TOKENS, scope, "hash", () -> "seen at 1")).isEqualTo("seen at 1");
        assertThat(cut.reread(Region.TOKENS, scope, "hash", () -> "seen at 2")).isEqualTo("seen at 2");
        assertThat(cut.read(Region.TOKENS, scope, "hash", () -> "loaded")).isEqualTo("seen at 2");
        assertThat(cut.<String>reread(Region.TOKENS, scope, "hash", () -> null)).isNull();
        assertThat(cut.read(Region.TOKENS, scope, "hash", () -> "loaded")).isEqualTo("loaded");
    }

    /**
     * A transaction that has changed a namespace neither serves nor caches reads for the rest of its
     * course: its loads see its own uncommitted writes (nobody else may be served them), and the
     * cache may hold what another request loaded from before those writes.
     */
    @Test
    void aTransactionThatChangedSomethingReadsPastTheCache() {
        OneTransaction transaction = new OneTransaction();
        MetadataCache inTransaction = cache(true);
        inTransaction.transactions = transaction;
        transaction.begin();
        // before its first change, a transaction reads through the cache like anyone
        assertThat(inTransaction.read(Region.FILES, ns, "/d.txt", () -> "d1")).isEqualTo("d1");
        assertThat(cut.read(Region.FILES, ns, "/d.txt", () -> "reloaded")).isEqualTo("d1");

        inTransaction.invalidate(ns); // its first change
        // another request loads the committed state and caches it under the new epoch
        assertThat(cut.read(Region.FILES, ns, "/a.txt", () -> "committed a")).isEqualTo("committed a");
        // the transaction sees its own write, not that cached value
        assertThat(inTransaction.read(Region.FILES, ns, "/a.txt", () -> "uncommitted a"))
                .isEqualTo("uncommitted a");
        // and what it loads is not served to anyone else
        assertThat(inTransaction.read(Region.FILES, ns, "/c.txt", () -> "uncommitted c"))
                .isEqualTo("uncommitted c");
        assertThat(cut.read(Region.FILES, ns, "/c.txt", () -> "committed c")).isEqualTo("committed c");
        assertThat(inTransaction.reread(Region.FILES, ns + "", "/e.txt", () -> "uncommitted e"))
                .isEqualTo("uncommitted e");
        assertThat(cut.read(Region.FILES, ns, "/e.txt", () -> "committed e")).isEqualTo("committed e");
        transaction.end();
        inTransaction.invalidateCommitted(ns);

        // outside a transaction it caches again
        assertThat(inTransaction.read(Region.FILES, ns, "/a.txt", () -> "a2")).isEqualTo("a2");
        assertThat(cut.read(Region.FILES, ns, "/a.txt", () -> "reloaded")).isEqualTo("a2");
    }

    /** Just enough of a transaction registry for one transaction on the test's thread. */
    private static final class OneTransaction implements TransactionSynchronizationRegistry {
        private Map<Object, Object> resources;

        void begin() {
            resources = new HashMap<>();
        }

        void end() {
            resources = null;
        }

        @Override
        public Object getTransactionKey() {
            return resources == null ? null : this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getTransactionStatus() {
            return resources == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
