package drive.blocks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import drive.platform.control.DriveException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RadosBlockStore} against a real Ceph cluster (server-config/bin/ceph start). Runs only when
 * {@code -Ddrive.rados.conf=...} (and {@code drive.rados.keyring}) name one; skipped otherwise.
 */
class RadosBlockStoreIT {

    static final String CONF = System.getProperty("drive.rados.conf");
    static final Optional<String> KEYRING = Optional.ofNullable(System.getProperty("drive.rados.keyring"));
    static final String POOL = System.getProperty("drive.rados.pool", "drive");
    static final String PREFIX = "it" + UUID.randomUUID().toString().replace("-", "") + "/";

    static RadosBlockStore store;

    @BeforeAll
    static void connect() {
        if (CONF != null) {
            store = new RadosBlockStore(settings(CONF, POOL));
        }
    }

    /** Per test rather than per class, so that the reports count every test as skipped. */
    @BeforeEach
    void needsACluster() {
        assumeTrue(CONF != null, "no Ceph cluster given: set -Ddrive.rados.conf (and -Ddrive.rados.keyring) to run");
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    static RadosSettings settings(String conf, String pool) {
        return new RadosSettings(conf, KEYRING, "drive", pool, "drive-cold");
    }

    @Test
    void libradosIsFound() {
        assertThat(RadosBlockStore.librados()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void putGetExistsDelete() throws IOException {
        String key = PREFIX + "a";
        byte[] data = "hello ceph, and a few bytes that are not stored".getBytes(StandardCharsets.UTF_8);
        assertThat(store.exists(key)).isFalse();
        store.put(key, data, 10);
        assertThat(store.exists(key)).isTrue();
        assertThat(store.get(key)).isEqualTo("hello ceph".getBytes(StandardCharsets.UTF_8));
        store.delete(key);
        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void putReplacesTheWholeObjectAndRepeatingItIsHarmless() throws IOException {
        String key = PREFIX + "b";
        store.put(key, new byte[] {1, 2, 3, 4, 5}, 5);
        store.put(key, new byte[] {9, 8}, 2);
        store.put(key, new byte[] {9, 8}, 2);
        assertThat(store.get(key)).containsExactly(9, 8);
        store.delete(key);
    }

    @Test
    void missingObjectIsReportedAsMissing() throws IOException {
        String key = PREFIX + "never-written";
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(BlockMissingException.class);
        assertThat(store.exists(key)).isFalse();
        store.delete(key); // idempotent
    }

    @Test
    void largeObjectsRoundTrip() throws IOException {
        for (int size : new int[] {4 << 20, RadosBlockStore.READ_BUFFER, RadosBlockStore.READ_BUFFER + 1, 9 << 20}) {
            byte[] data = random(size);
            String key = PREFIX + "big" + size;
            store.put(key, data, data.length);
            assertThat(store.get(key)).as("object of %d bytes", size).isEqualTo(data);
            store.delete(key);
        }
    }

    @Test
    void concurrentPutsFromSeveralThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String key = PREFIX + "c" + i;
                results.add(pool.submit(() -> {
                    byte[] data = random(1 << 20);
                    store.put(key, data, data.length);
                    return data;
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                byte[] written = results.get(i).get();
                assertThat(store.get(PREFIX + "c" + i)).isEqualTo(written);
                store.delete(PREFIX + "c" + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingPoolMeansUnavailable() {
        try (RadosBlockStore wrong = new RadosBlockStore(settings(CONF, "no-such-pool"))) {
            assertThatThrownBy(() -> wrong.put(PREFIX + "x", new byte[1], 1))
                    .isInstanceOf(DriveException.class)
                    .satisfies(e -> assertThat(((DriveException) e).kind()).isEqualTo(DriveException.Kind.UNAVAILABLE));
        }
    }

    @Test
    void unreachableClusterMeansUnavailableWithinTheMountTimeout(@TempDir Path dir) throws IOException {
        Path conf = dir.resolve("ceph.conf");
        Files.writeString(conf, "[global]\nmon host = 127.0.0.1:1\n");
        long start = System.nanoTime();
        try (RadosBlockStore down = new RadosBlockStore(settings(conf.toString(), POOL))) {
            assertThatThrownBy(() -> down.get(PREFIX + "x"))
                    .isInstanceOf(DriveException.class)
                    .satisfies(e -> assertThat(((DriveException) e).kind()).isEqualTo(DriveException.Kind.UNAVAILABLE));
            // a second call within the reconnect pause fails at once instead of waiting again
            long second = System.nanoTime();
            assertThatThrownBy(() -> down.exists(PREFIX + "x")).isInstanceOf(DriveException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - second)).isLessThan(Duration.ofSeconds(1));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(25));
    }

    static byte[] random(int size) {
        byte[] data = new byte[size];
        ThreadLocalRandom.current().nextBytes(data);
        return data;
    }
}
