package drive.cache.control;

import java.util.concurrent.atomic.LongAdder;

/** What one cache did on this instance since it started: the figures behind its metrics. */
public final class CacheStats {

    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder bypassed = new LongAdder();
    final LongAdder invalidations = new LongAdder();

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /** Reads that went to the database without looking at the cache (off, or the cluster incomplete). */
    public long bypassed() {
        return bypassed.sum();
    }

    /** Namespace epochs replaced: by this instance's writes, by peers' writes, and by membership changes. */
    public long invalidations() {
        return invalidations.sum();
    }

    /** Hits over all reads that looked at the cache; 0 before the first. */
    public double hitRatio() {
        long h = hits(), m = misses();
        return h + m == 0 ? 0 : (double) h / (h + m);
    }
}
