package drive.files.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cleans up resumable uploads at start-up: expired sessions and staging files no active session
 * owns. Payara Micro has no timer pool, so this and {@link UploadSessions#start} (which sweeps
 * expired sessions too) are the two moments cleanup happens.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UploadSessionSweep {

    private static final Logger LOG = Logger.getLogger(UploadSessionSweep.class.getName());

    @EJB
    UploadSessions sessions;

    @PostConstruct
    void sweep() {
        try {
            int expired = sessions.sweep();
            sessions.sweepOrphans();
            LOG.info(() -> "Upload sessions: " + expired + " expired session(s) removed at start-up");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweeping upload sessions failed; it is retried at the next start", e);
        }
    }
}
