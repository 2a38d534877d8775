package drive.cache.boundary;

import drive.cache.control.CacheNodes;
import drive.cache.control.Region;
import drive.platform.control.DriveException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What admins do with the metadata cache: empty one of its caches on every instance. Never needed
 * for correctness (writes invalidate what they change); useful to measure cold reads or free memory.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Caches {

    @Inject
    CacheNodes nodes;

    /** How many entries the cache held on this instance when it was cleared. */
    public record Cleared(String cache, long entries) {}

    public Cleared clear(String name) {
        Region region = Region.named(name)
                .orElseThrow(() -> DriveException.notFound("no cache named '" + name + "'; the caches are "
                        + Arrays.stream(Region.values()).map(Region::cacheName).collect(Collectors.joining(", "))));
        return new Cleared(region.cacheName(), nodes.clear(region));
    }
}
