package drive.keys.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unwrapped data keys in memory, least recently used dropped beyond {@link #CAPACITY}, so that a
 * block read or write costs no database round trip and no unwrap. Master-key rotation changes only
 * how keys are wrapped, not the keys, so entries stay valid across it.
 */
@ApplicationScoped
public class DataKeyCache {

    static final int CAPACITY = 10_000;

    private record Id(long namespaceId, int version) {}

    private final Map<Id, DataKey> keys = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Id, DataKey> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Map<Long, Integer> latest = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized Optional<DataKey> find(long namespaceId, int version) {
        return Optional.ofNullable(keys.get(new Id(namespaceId, version)));
    }

    public synchronized Optional<DataKey> latest(long namespaceId) {
        Integer version = latest.get(namespaceId);
        return version == null ? Optional.empty() : find(namespaceId, version);
    }

    public synchronized void put(DataKey key, boolean isLatest) {
        keys.put(new Id(key.namespaceId(), key.version()), key);
        if (isLatest) {
            latest.put(key.namespaceId(), key.version());
        }
    }

    /** Forgets every key (tests, and an admin who wants the keystore re-read). */
    public synchronized void clear() {
        keys.clear();
        latest.clear();
    }
}
