package drive.blocks.boundary;

import drive.blocks.control.JobStaging;
import drive.files.entity.UploadJob;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up, removes staging files whose job finished (or never got recorded) before a crash
 * could delete them, and queues every job still pending (whose staged bytes are here) once more.
 *
 * <p>A pending job's message is normally in the broker's journal, but not always: a kill between the
 * two commits of {@link BlockJobs#begin} (the database's, then the broker's) leaves the message in a
 * prepared transaction that nothing resolves, since Payara Micro keeps no transaction log across
 * restarts. The second message is harmless: it is delivered {@value #REQUEUE_DELAY_SECONDS} s later,
 * a job no longer pending is skipped, and one this instance is still processing is put off.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "EmbeddedBroker"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BlockJobSweep {

    /** Files younger than this are left alone: with a shared staging directory another instance may be about to record their job. */
    static final Duration GRACE = Duration.ofMinutes(15);

    /** Lets the journal's own messages go first, so the usual second message finds its job done. */
    static final int REQUEUE_DELAY_SECONDS = 30;

    /** Pause before the start-up requeue is tried again when the broker could not take it. */
    static final int RETRY_SECONDS = 60;

    private static final Logger LOG = Logger.getLogger(BlockJobSweep.class.getName());

    @EJB
    BlockJobs jobs;

    @Inject
    JobStaging staging;

    @Resource
    TimerService timers;

    @PostConstruct
    void sweep() {
        int removed = 0;
        for (String id : staging.idsOlderThan(GRACE)) {
            boolean pending = jobs.find(id)
                    .map(j -> j.getStatus() == UploadJob.Status.PENDING)
                    .orElse(false);
            if (!pending) {
                staging.delete(id);
                removed++;
            }
        }
        int count = removed;
        if (count > 0) {
            LOG.info(() -> "removed " + count + " staging file(s) of finished upload jobs");
        }
        // off the start-up thread: an external broker that is down must not hold the deployment up
        timers.createSingleActionTimer(1, new TimerConfig(null, false));
    }

    @Timeout
    void requeueAtStart() {
        try {
            int queued = requeuePending(REQUEUE_DELAY_SECONDS);
            if (queued > 0) {
                LOG.info(() -> "queued " + queued + " pending upload job(s) again, delivered in "
                        + REQUEUE_DELAY_SECONDS + " s, in case the broker lost their messages");
            }
        } catch (RuntimeException e) { // the broker is down or unreachable: try again later
            LOG.log(
                    Level.WARNING,
                    "could not queue pending upload jobs again; trying again in " + RETRY_SECONDS + " s",
                    e);
            timers.createSingleActionTimer(RETRY_SECONDS * 1000L, new TimerConfig(null, false));
        }
    }

    /**
     * Queues each pending job whose staged bytes this instance can read once more, delivered after
     * {@code delaySeconds}; returns how many.
     */
    public int requeuePending(int delaySeconds) {
        Set<String> staged = new HashSet<>(staging.ids());
        int queued = 0;
        for (String id : jobs.pendingIds()) {
            if (staged.contains(id)) { // without its bytes the job could only fail; its own message says so
                jobs.queueAgain(id, OptionalLong.empty(), delaySeconds);
                queued++;
            }
        }
        return queued;
    }
}
