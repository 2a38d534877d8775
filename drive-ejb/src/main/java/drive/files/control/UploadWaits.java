package drive.files.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a request waiting for its upload job as soon as the job's outcome is committed on this node,
 * rather than at its next poll (up to 200 ms later). The waiter keeps polling the job all the same:
 * another node may process it, and an outcome committed before the wait began wakes nobody.
 */
@ApplicationScoped
public class UploadWaits {

    private final Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();

    /** Waits up to {@code millis}, or less if job {@code jobId} completes or fails meanwhile. */
    public void await(String jobId, long millis) throws InterruptedException {
        waiting.computeIfAbsent(jobId, id -> new CountDownLatch(1)).await(millis, TimeUnit.MILLISECONDS);
    }

    /** The request stopped waiting for {@code jobId}. */
    public void forget(String jobId) {
        waiting.remove(jobId);
    }

    void completed(@Observes(during = TransactionPhase.AFTER_SUCCESS) UploadCompleted event) {
        wake(event.jobId());
    }

    void failed(@Observes(during = TransactionPhase.AFTER_SUCCESS) UploadFailed event) {
        wake(event.jobId());
    }

    private void wake(String jobId) {
        CountDownLatch latch = waiting.get(jobId);
        if (latch != null) {
            latch.countDown();
        }
    }
}
