package drive.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import drive.messaging.control.BrokerProbe;
import drive.messaging.control.EmbeddedBroker;
import jakarta.inject.Inject;

/**
 * In-container wiring checks on one Payara Micro boot (~30 s): add further in-container test methods
 * here rather than new classes, each of which boots its own Micro.
 */
@ExtendWith(ArquillianExtension.class)
class ContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.drive();
    }

    @Inject
    BrokerProbe brokerProbe;

    @Inject
    EmbeddedBroker broker;

    @Inject
    @ConfigProperty(name = "drive.home")
    String home;

    @Test
    void messageSentThroughJmsDriveReachesTheConsumer() throws InterruptedException {
        // the MDB may still be reconnecting to the broker that started after it was activated
        boolean delivered = false;
        for (int attempt = 0; attempt < 10 && !delivered; attempt++) {
            delivered = brokerProbe.roundTrip(Duration.ofSeconds(3));
        }
        assertThat(delivered).isTrue();
    }

    @Test
    void brokerKeepsItsJournalUnderDriveHome() {
        Path artemis = Path.of(home).toAbsolutePath().normalize().resolve("artemis");
        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.dataDirectory()).isEqualTo(artemis);
        assertThat(artemis.resolve("journal")).isDirectory();
        assertThat(artemis.resolve("bindings")).isDirectory();
        assertThat(Files.exists(artemis.resolve("server.lock"))).isTrue();
    }
}
