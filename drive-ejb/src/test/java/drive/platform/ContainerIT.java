package drive.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drive.files.boundary.Files;
import drive.files.boundary.VersionTampering;
import drive.files.control.RevisionInfo;
import drive.messaging.control.BrokerProbe;
import drive.messaging.control.EmbeddedBroker;
import drive.users.boundary.Users;
import drive.users.control.Caller;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
        assertThat(java.nio.file.Files.exists(artemis.resolve("server.lock"))).isTrue();
    }

    @EJB
    Files files;

    @EJB
    Users users;

    @EJB
    VersionTampering tampering;

    @Test
    void startupMigratedTheSchemaAndCreatedTheAdministrator() {
        assertThat(users.find("admin")).get().satisfies(u -> assertThat(u.isAdmin())
                .isTrue());
    }

    @Test
    void uploadStoresEachDistinctBlockOnceAndReuploadStoresNothing() throws IOException {
        byte[] block = new byte[4 * 1024 * 1024];
        new Random(7).nextBytes(block);
        byte[] data = new byte[2 * block.length + 1000];
        System.arraycopy(block, 0, data, 0, block.length);
        System.arraycopy(block, 0, data, block.length, block.length);
        Caller admin = Caller.user("admin");

        files.upload(admin, "/it/dedup.bin", new ByteArrayInputStream(data), data.length);
        long objectsAfterFirst = blockObjects();
        files.upload(admin, "/it/dedup.bin", new ByteArrayInputStream(data), data.length);

        assertThat(tampering.blockRows("/it/dedup.bin")).isEqualTo(2);
        assertThat(blockObjects()).isEqualTo(objectsAfterFirst);
        List<RevisionInfo> revisions = files.revisions(admin, "/it/dedup.bin", 10);
        assertThat(revisions).extracting(RevisionInfo::revision).containsExactly(2L, 1L);
        assertThat(revisions).allSatisfy(r -> assertThat(r.size()).isEqualTo(data.length));
    }

    @Test
    void writtenRevisionCannotBeChangedOrDeletedThroughJpa() {
        byte[] data = "first words".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        files.upload(Caller.user("admin"), "/it/history.txt", new ByteArrayInputStream(data), data.length);
        long id = tampering.versionId("/it/history.txt", 1);

        try {
            tampering.overwriteSize(id, 999_999);
        } catch (Exception refused) {
            // refusing loudly (the @PreUpdate guard) is as good as ignoring the change: what counts is the row
        }
        assertThat(tampering.storedSize(id)).isEqualTo(data.length);
        assertThatThrownBy(() -> tampering.remove(id)).hasStackTraceContaining("immutable history");
        assertThat(tampering.storedSize(id)).isEqualTo(data.length);
    }

    private long blockObjects() throws IOException {
        try (Stream<Path> paths = java.nio.file.Files.walk(Path.of(home, "blocks"))) {
            return paths.filter(java.nio.file.Files::isRegularFile).count();
        }
    }
}
