package drive.cache.control;

import drive.platform.control.DriveException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.AdvancedCache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.context.Flag;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;
import org.infinispan.remoting.transport.Address;

/**
 * This instance's Infinispan cache manager, started once with the application: the caches of {@link
 * Region}, local by default or clustered in invalidation mode when {@code drive.cache.config} names a
 * file such as {@code server-config/infinispan/drive-cluster.xml}.
 *
 * <p><b>Membership.</b> A clustered instance serves from its cache only while its JGroups view holds at
 * least {@code drive.cache.members} members and no fewer than the most it has seen: an instance that
 * lost a peer (crash, partition) cannot know that the peer's writes reach it, so it reads the database
 * instead. Every view change empties this instance's caches, so nothing cached before a partition is
 * served after it heals. An instance that just lost a member also refuses writes for {@code
 * drive.cache.fence-seconds} ({@link #checkWritable}): longer than failure detection takes, so a peer
 * on the other side of a partition has stopped serving from its cache before a write it cannot hear of
 * commits.
 */
@ApplicationScoped
public class CacheNodes {

    private static final Logger LOG = Logger.getLogger(CacheNodes.class.getName());

    /** {@code true}, {@code false}, or {@code auto}: on when clustered or on the embedded H2 database. */
    @Inject
    @ConfigProperty(name = "drive.cache.enabled", defaultValue = "auto")
    String enabled;

    /** {@code h2} or {@code postgres}: the profile {@code server-config/bin/drive} started ({@code DRIVE_DB}). */
    @Inject
    @ConfigProperty(name = "drive.db", defaultValue = "h2")
    String database;

    @Inject
    @ConfigProperty(name = "drive.cache.config")
    Optional<String> configFile;

    @Inject
    @ConfigProperty(name = "drive.cache.members", defaultValue = "1")
    int expectedMembers;

    @Inject
    @ConfigProperty(name = "drive.cache.fence-seconds", defaultValue = "15")
    long fenceSeconds;

    private final Map<Region, CacheStats> stats = new EnumMap<>(Region.class);
    private final Map<Region, AdvancedCache<String, Object>> caches = new EnumMap<>(Region.class);
    private final AtomicLong epochs = new AtomicLong();
    private EmbeddedCacheManager manager;
    private volatile boolean serving;
    private volatile int highWater = 1;
    private volatile long lostMemberAt;

    public CacheNodes() {
        for (Region r : Region.values()) {
            stats.put(r, new CacheStats());
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!on()) {
            LOG.info("the metadata cache is off (drive.cache.enabled=" + enabled + ", drive.db=" + database
                    + "): every read goes to the database");
            return;
        }
        long t = System.nanoTime();
        manager = configFile.map(CacheNodes::fromFile).orElseGet(CacheNodes::local);
        for (Region r : Region.values()) {
            caches.put(r, manager.<String, Object>getCache(r.cacheName()).getAdvancedCache());
        }
        if (manager.getCacheManagerConfiguration().isClustered()) {
            manager.addListener(new Views());
        }
        membershipChanged(members());
        LOG.info(() -> "metadata cache started in " + (System.nanoTime() - t) / 1_000_000 + " ms: "
                + configFile.orElse("local") + ", members " + members());
    }

    /**
     * Whether to run the cache. {@code auto} (the default) runs it when it is clustered or the database
     * is the embedded H2 (one instance by construction), not for a shared database with local caches:
     * several instances caching alone would not see each other's writes.
     */
    private boolean on() {
        return switch (enabled) {
            case "true" -> true;
            case "false" -> false;
            default -> configFile.isPresent() || database.equalsIgnoreCase("h2");
        };
    }

    private static EmbeddedCacheManager fromFile(String file) {
        try {
            return new DefaultCacheManager(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cache configuration " + file, e);
        }
    }

    /** The single-instance default, the same caches as {@code server-config/infinispan/drive-local.xml}. */
    private static EmbeddedCacheManager local() {
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
        global.cacheContainer().name("drive");
        DefaultCacheManager manager = new DefaultCacheManager(global.build());
        Map<Region, Long> sizes = Map.of(
                Region.NAMESPACES,
                100_000L,
                Region.FILES,
                50_000L,
                Region.LISTINGS,
                20_000L,
                Region.REVISIONS,
                20_000L,
                Region.MOUNTS,
                20_000L,
                Region.TOKENS,
                20_000L);
        sizes.forEach((r, n) -> manager.defineConfiguration(
                r.cacheName(), new ConfigurationBuilder().memory().maxCount(n).build()));
        return manager;
    }

    @PreDestroy
    void stop() {
        if (manager != null) {
            manager.stop();
        }
    }

    /** Whether reads may use the cache now: it is on and, if clustered, the view is complete. */
    public boolean serving() {
        return serving;
    }

    public boolean enabled() {
        return manager != null;
    }

    /** The cache of {@code region}; null when the cache is off. */
    AdvancedCache<String, Object> cache(Region region) {
        return caches.get(region);
    }

    /** The same cache, for operations that must stay on this instance. */
    AdvancedCache<String, Object> local(Region region) {
        return caches.get(region).withFlags(Flag.CACHE_MODE_LOCAL, Flag.IGNORE_RETURN_VALUES);
    }

    public CacheStats stats(Region region) {
        return stats.get(region);
    }

    /** Entries held by this instance (including ones of replaced epochs not yet evicted); 0 when off. */
    public long size(Region region) {
        return manager == null
                ? 0
                : caches.get(region).withFlags(Flag.CACHE_MODE_LOCAL).size();
    }

    /** A value never handed out before on this instance. */
    long nextEpoch() {
        return epochs.incrementAndGet();
    }

    /** Refuses a write while a lost member may still be serving from its cache (see the type's comment). */
    void checkWritable() {
        long since = System.currentTimeMillis() - lostMemberAt;
        if (lostMemberAt != 0 && since < fenceSeconds * 1000) {
            throw new DriveException(
                    DriveException.Kind.UNAVAILABLE,
                    "an instance left the metadata cache cluster " + since / 1000
                            + " s ago; writes resume once it has been gone " + fenceSeconds + " s");
        }
    }

    /** Empties {@code region} on every instance ({@code namespaces}: every cached read is dropped). */
    public long clear(Region region) {
        if (manager == null) {
            return 0;
        }
        long size = size(region);
        caches.get(region).clear();
        return size;
    }

    private List<Address> members() {
        List<Address> members = manager.getMembers();
        return members == null ? List.of() : members;
    }

    private synchronized void membershipChanged(List<Address> members) {
        int size = Math.max(members.size(), 1);
        if (size < highWater) {
            lostMemberAt = System.currentTimeMillis();
        }
        serving = false; // before the caches are emptied: no read uses what is being dropped
        for (Region r : Region.values()) {
            caches.get(r).withFlags(Flag.CACHE_MODE_LOCAL).clear();
        }
        stats.get(Region.NAMESPACES).invalidations.increment();
        highWater = Math.max(highWater, size);
        serving = size >= Math.max(expectedMembers, highWater);
        LOG.info("metadata cache view " + members + ": " + (serving ? "serving" : "bypassed (members missing)"));
    }

    /** Reacts to JGroups views: an instance that joins or leaves empties the caches of every other. */
    @Listener(sync = true)
    public class Views {
        @ViewChanged
        public void viewChanged(ViewChangedEvent event) {
            membershipChanged(event.getNewMembers());
        }
    }
}
