package drive.messaging.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the Artemis broker inside Drive so a single process needs no separate broker; queued jobs
 * survive restarts in its journal under {@code drive.home}. Off when an external broker is configured.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class.getName());

    /** Artemis audits every message at INFO when this logger allows it; held so the level sticks. */
    private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

    @Inject
    @ConfigProperty(name = "drive.broker.embedded", defaultValue = "true")
    boolean embedded;

    @Inject
    @ConfigProperty(name = "drive.home", defaultValue = "./drive-data")
    String home;

    @Inject
    @ConfigProperty(name = "drive.broker.port", defaultValue = "61616")
    int port;

    @Inject
    @ConfigProperty(name = "drive.offline.max-events", defaultValue = "1000")
    long maxEvents;

    private EmbeddedActiveMQ broker;

    @PostConstruct
    void start() {
        if (!embedded) {
            LOG.info("drive.broker.embedded=false: using the external broker configured in the resource adapter");
            return;
        }
        Path directory = dataDirectory();
        AUDIT.setLevel(Level.WARNING);
        try {
            broker = new EmbeddedActiveMQ()
                    .setConfiguration(BrokerConfiguration.create(directory, port, maxEvents))
                    .start();
        } catch (Exception e) {
            throw new IllegalStateException("embedded broker did not start on 127.0.0.1:" + port, e);
        }
        LOG.info(() -> "embedded Artemis broker on 127.0.0.1:" + port + ", journal in " + directory);
    }

    @PreDestroy
    void stop() {
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
            LOG.info("embedded Artemis broker stopped");
        } catch (Exception e) {
            LOG.warning(() -> "embedded broker did not stop cleanly: " + e);
        } finally {
            broker = null;
        }
    }

    /** Where the journal, bindings, paging and large messages live. */
    @Lock(LockType.READ)
    public Path dataDirectory() {
        return Path.of(home).toAbsolutePath().normalize().resolve("artemis");
    }

    @Lock(LockType.READ)
    public boolean isRunning() {
        return broker != null && broker.getActiveMQServer().isActive();
    }
}
