package drive.blocks.boundary;

import drive.blocks.control.PipelineWarmUp;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Once the application is deployed, runs {@link PipelineWarmUp} on a timer thread, so that the JIT has
 * compiled the TLS cipher, the block codec and the hashes before the first upload arrives instead of
 * during it. Off by default ({@code drive.warmup=true} turns it on): in the one full test run with
 * it on after the block-job fix, Chromium's HTTP/2 connection to Drive failed with a TLS protocol
 * error, a first; README, performance: "Start-up warm-up of the crypto paths".
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class.getName());

    @Inject
    @ConfigProperty(name = "drive.warmup", defaultValue = "false")
    boolean enabled;

    @Resource
    TimerService timers;

    @PostConstruct
    void schedule() {
        if (enabled) { // off the start-up thread: deployment does not wait for it
            timers.createSingleActionTimer(1, new TimerConfig(null, false));
        }
    }

    @Timeout
    void run() {
        try {
            PipelineWarmUp.Summary done = PipelineWarmUp.run();
            LOG.info(() -> "warmed up the TLS cipher, the block codec and the hashes on " + done.bytes() / (1024 * 1024)
                    + " MiB in " + done.millis() + " ms");
        } catch (RuntimeException e) { // only speed is at stake: say so and go on
            LOG.log(Level.WARNING, "warm-up failed; the first uploads will be slower", e);
        }
    }
}
