package drive.blocks.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The upload jobs this instance is processing right now. A job can have two messages (the start-up
 * sweep queues pending jobs again, in case the broker lost theirs); the second one is put off while
 * the first is processed here, rather than doing the same work twice side by side.
 */
@ApplicationScoped
public class RunningJobs {

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** Claims the job for the calling thread: false if another thread of this instance holds it. */
    public boolean claim(String jobId) {
        return running.add(jobId);
    }

    public void release(String jobId) {
        running.remove(jobId);
    }
}
