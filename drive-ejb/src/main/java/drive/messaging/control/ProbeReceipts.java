package drive.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Meeting point between the thread that sent a probe and the MDB thread that received it.
 */
@ApplicationScoped
public class ProbeReceipts {

    private final Map<String, CountDownLatch> pending = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastReceived = new AtomicReference<>();

    void expect(String probeId) {
        pending.put(probeId, new CountDownLatch(1));
    }

    /** Called by the consumer; probes nobody waits for any more (late, or from before a restart) are ignored. */
    void received(String probeId) {
        lastReceived.set(Instant.now());
        CountDownLatch latch = pending.get(probeId);
        if (latch != null) {
            latch.countDown();
        }
    }

    boolean await(String probeId, Duration timeout) throws InterruptedException {
        CountDownLatch latch = pending.get(probeId);
        try {
            return latch != null && latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            pending.remove(probeId);
        }
    }

    /** When the consumer last got any probe, or null if never. */
    public Instant lastReceived() {
        return lastReceived.get();
    }
}
