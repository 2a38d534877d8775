package drive.sync.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the change journal bounded: every hour, entries older than {@code drive.journal.keep-days}
 * (default 90; 0 or less keeps everything) are removed, one namespace per transaction. Clients whose
 * cursor pointed into the removed part get a "reset" (410) and re-list. A non-persistent timer: a
 * missed run only delays pruning to the next hour.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JournalRetention {

    private static final Logger LOG = Logger.getLogger(JournalRetention.class.getName());

    @EJB
    Changes changes;

    @Inject
    @ConfigProperty(name = "drive.journal.keep-days", defaultValue = "90")
    int keepDays;

    @Schedule(hour = "*", minute = "41", persistent = false)
    void hourly() {
        if (keepDays <= 0) {
            return;
        }
        Instant before = Instant.now().minus(Duration.ofDays(keepDays));
        long removed = 0;
        for (long namespace : changes.namespaces()) {
            removed += changes.prune(namespace, before);
        }
        long total = removed;
        if (total > 0) {
            LOG.info(() -> "removed " + total + " change journal entries older than " + keepDays + " days");
        }
    }
}
