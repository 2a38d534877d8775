package drive.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Drive is not ready while a message cannot make the round trip through {@code jms/drive} to an MDB:
 * background jobs would pile up unprocessed.
 */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    @Inject
    BrokerProbe probe;

    @Inject
    @ConfigProperty(name = "drive.broker.probe-timeout-ms", defaultValue = "3000")
    long timeoutMs;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("broker");
        long started = System.nanoTime();
        try {
            boolean delivered = probe.roundTrip(Duration.ofMillis(timeoutMs));
            return response.status(delivered)
                    .withData("roundTripMs", (System.nanoTime() - started) / 1_000_000)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        } catch (RuntimeException e) {
            return response.down()
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
