package drive.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drive.blocks.control.ContentDefinedChunker;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
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
    void uploadStoresEachDistinctBlockOnceAndReuploadStoresNothing() throws IOException, NoSuchAlgorithmException {
        // the same 5 MiB twice: content-defined cuts fall at the same places in both copies once the
        // chunker has resynchronised, so the second copy repeats blocks of the first
        byte[] half = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(half);
        byte[] data = new byte[2 * half.length + 1000];
        System.arraycopy(half, 0, data, 0, half.length);
        System.arraycopy(half, 0, data, half.length, half.length);
        List<String> blocks = blockHashes(data);
        long distinct = blocks.stream().distinct().count();
        assertThat(distinct).as("blocks %s", blocks).isLessThan(blocks.size());
        Caller admin = Caller.user("admin");

        long objectsBefore = blockObjects();
        files.upload(admin, "/it/dedup.bin", new ByteArrayInputStream(data), data.length);
        long objectsAfterFirst = blockObjects();
        files.upload(admin, "/it/dedup.bin", new ByteArrayInputStream(data), data.length);

        assertThat(tampering.blockRows("/it/dedup.bin")).isEqualTo(distinct);
        assertThat(objectsAfterFirst - objectsBefore).isEqualTo(distinct);
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

    private static List<String> blockHashes(byte[] data) throws IOException, NoSuchAlgorithmException {
        ContentDefinedChunker chunker = new ContentDefinedChunker(new ByteArrayInputStream(data));
        byte[] buffer = new byte[ContentDefinedChunker.MAX_SIZE];
        List<String> hashes = new ArrayList<>();
        int n;
        while ((n = chunker.next(buffer)) > 0) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(buffer, 0, n);
            hashes.add(HexFormat.of().formatHex(sha.digest()));
        }
        return hashes;
    }

    private long blockObjects() throws IOException {
        if (!java.nio.file.Files.isDirectory(Path.of(home, "blocks"))) {
            return 0;
        }
        try (Stream<Path> paths = java.nio.file.Files.walk(Path.of(home, "blocks"))) {
            return paths.filter(java.nio.file.Files::isRegularFile).count();
        }
    }
}
