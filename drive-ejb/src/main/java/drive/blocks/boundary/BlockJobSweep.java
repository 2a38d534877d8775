package drive.blocks.boundary;

import drive.blocks.control.JobStaging;
import drive.files.entity.UploadJob;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * At start-up, removes staging files whose job finished (or never got recorded) before a crash
 * could delete them. Pending jobs keep theirs: their messages are in the broker's journal.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BlockJobSweep {

    /** Files younger than this are left alone: with a shared staging directory another instance may be about to record their job. */
    static final Duration GRACE = Duration.ofMinutes(15);

    private static final Logger LOG = Logger.getLogger(BlockJobSweep.class.getName());

    @EJB
    BlockJobs jobs;

    @Inject
    JobStaging staging;

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
    }
}
