package drive.cache.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The caches' figures as MicroProfile Metrics, one series per cache (tag {@code cache}), under
 * {@code /metrics?scope=application}: {@code drive_cache_hits}, {@code drive_cache_misses}, {@code
 * drive_cache_bypassed}, {@code drive_cache_hit_ratio}, {@code drive_cache_size} and {@code
 * drive_cache_invalidations} (epochs replaced; counted on {@code namespaces}, the cache writes invalidate).
 */
@ApplicationScoped
public class CacheMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    CacheNodes nodes;

    void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        for (Region r : Region.values()) {
            CacheStats s = nodes.stats(r);
            Tag cache = new Tag("cache", r.cacheName());
            gauge("drive.cache.hits", "reads answered from the cache", s::hits, cache);
            gauge("drive.cache.misses", "reads that looked in the cache and went to the database", s::misses, cache);
            gauge(
                    "drive.cache.bypassed",
                    "reads that did not use the cache (off, or cluster incomplete)",
                    s::bypassed,
                    cache);
            gauge("drive.cache.hit_ratio", "hits / (hits + misses) since start", s::hitRatio, cache);
            gauge("drive.cache.size", "entries held on this instance", () -> nodes.size(r), cache);
            gauge("drive.cache.invalidations", "namespace epochs replaced", s::invalidations, cache);
        }
    }

    private <T extends Number> void gauge(String name, String description, Supplier<T> value, Tag tag) {
        registry.gauge(
                Metadata.builder().withName(name).withDescription(description).build(), value, tag);
    }
}
