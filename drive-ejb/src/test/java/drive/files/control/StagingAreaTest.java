package drive.files.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drive.platform.control.DriveException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingAreaTest {

    private static final String ID = "abcdefghijklmnopqrstuvwxyz012345";

    @TempDir
    Path home;

    StagingArea cut;

    @BeforeEach
    void init() {
        cut = new StagingArea();
        cut.home = home.toString();
        cut.init();
    }

    @Test
    void appendedBytesCountOnlyUpToTheAcknowledgedOffset() throws IOException {
        try (StagedFile file = cut.open(ID)) {
            assertThat(file.append(0, 10, new ByteArrayInputStream(bytes(10)))).isEqualTo(10);
        }
        try (StagedFile file = cut.open(ID)) {
            assertThat(file.settle(4)).isEqualTo(4);
        }
        assertThat(Files.size(home.resolve("staging").resolve(ID))).isEqualTo(4);
        try (StagedFile file = cut.open(ID)) {
            assertThat(file.settle(100)).as("never more than the file holds").isEqualTo(4);
        }
    }

    @Test
    void bodyLongerThanItsRangeKeepsNothing() {
        try (StagedFile file = cut.open(ID)) {
            file.append(0, 5, new ByteArrayInputStream(bytes(5)));
            assertThat(file.append(5, 5, new ByteArrayInputStream(bytes(6)))).isEqualTo(-1);
            assertThat(file.settle(5)).isEqualTo(5);
        }
    }

    @Test
    void bodyThatBreaksOffKeepsWhatArrived() {
        InputStream broken = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 7) {
                    return 1;
                }
                throw new IOException("connection reset");
            }
        };
        try (StagedFile file = cut.open(ID)) {
            assertThat(file.append(0, 20, broken)).isEqualTo(7);
        }
    }

    @Test
    void secondWriterOfOneSessionIsRefused() {
        try (StagedFile first = cut.open(ID)) {
            assertThatThrownBy(() -> cut.open(ID))
                    .isInstanceOf(DriveException.class)
                    .extracting(e -> ((DriveException) e).kind())
                    .isEqualTo(DriveException.Kind.CONFLICT);
        }
    }

    @Test
    void openWhenFreeWaitsForTheWriterToCloseAndGivesUpAfterItsPatience() throws Exception {
        StagedFile writer = cut.open(ID);
        assertThat(cut.openWhenFree(ID, Duration.ofMillis(100)))
                .as("still held")
                .isEmpty();
        CompletableFuture<Optional<StagedFile>> waiting =
                CompletableFuture.supplyAsync(() -> cut.openWhenFree(ID, Duration.ofSeconds(30)));
        Thread.sleep(200);
        assertThat(waiting).as("waits while the writer holds it").isNotDone();
        writer.close();
        Optional<StagedFile> second = waiting.get(10, TimeUnit.SECONDS);
        assertThat(second).isPresent();
        assertThatThrownBy(() -> cut.open(ID)).as("now the waiter holds it").isInstanceOf(DriveException.class);
        second.get().close();
    }

    @Test
    void contentReadsFromTheFirstByteAndDeleteRemovesTheFile() throws IOException {
        try (StagedFile file = cut.open(ID)) {
            file.append(0, 10, new ByteArrayInputStream(bytes(10)));
            assertThat(file.content().readAllBytes()).isEqualTo(bytes(10));
        }
        assertThat(cut.ids()).containsExactly(ID);
        cut.delete(ID);
        assertThat(cut.ids()).isEmpty();
    }

    private static byte[] bytes(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) i;
        }
        return data;
    }
}
