package drive.files.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UploadWaitsTest {

    private final UploadWaits waits = new UploadWaits();

    @Test
    void aCompletedJobWakesItsWaiterAtOnce() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> await("job-1", 10_000));
        Thread.sleep(100);
        waits.completed(new UploadCompleted("job-1", 1, "/a", 1, 1, "ab"));
        waiter.get(5, TimeUnit.SECONDS);
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void aFailedJobWakesItsWaiterToo() throws Exception {
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> await("job-2", 10_000));
        Thread.sleep(100);
        waits.failed(new UploadFailed("job-2", 1, "/a", "broken"));
        waiter.get(5, TimeUnit.SECONDS);
    }

    @Test
    void otherJobsDoNotWakeAWaiterWhichThenWaitsItsPause() throws Exception {
        waits.completed(new UploadCompleted("job-4", 1, "/a", 1, 1, "ab"));
        long start = System.nanoTime();
        waits.await("job-3", 200);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(190));
        waits.forget("job-3");
    }

    private void await(String job, long millis) {
        try {
            waits.await(job, millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
