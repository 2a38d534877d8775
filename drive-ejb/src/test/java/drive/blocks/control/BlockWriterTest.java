package drive.blocks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockWriterTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void resultsComeBackInTheOrderTheBlocksWereHandedOver() throws Exception {
        List<Future<Integer>> futures = new ArrayList<>();
        try (BlockWriter writer = new BlockWriter(executor, 2)) {
            for (int i = 0; i < 10; i++) {
                byte[] buffer = writer.buffer();
                buffer[0] = (byte) i;
                futures.add(writer.submit(buffer, () -> (int) buffer[0]));
            }
            assertThat(BlockWriter.results(futures)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
    }

    @Test
    void theCallerWaitsOnceAllBuffersAreBusy() throws Exception {
        CountDownLatch storing = new CountDownLatch(1);
        try (BlockWriter writer = new BlockWriter(executor, 2)) {
            for (int i = 0; i < 2; i++) {
                writer.submit(writer.buffer(), () -> storing.await(10, TimeUnit.SECONDS));
            }
            Future<byte[]> third = Executors.newSingleThreadExecutor().submit(writer::buffer);
            Thread.sleep(200);
            assertThat(third)
                    .as("no third buffer while two blocks are being stored")
                    .isNotDone();
            storing.countDown();
            assertThat(third.get(10, TimeUnit.SECONDS)).hasSize(BlockIngest.BLOCK_SIZE);
        }
    }

    @Test
    void aFailedBlockFailsTheCallersNextStepAndTheRestAreSkipped() throws Exception {
        AtomicInteger stored = new AtomicInteger();
        BlockWriter writer = new BlockWriter(executor, 3);
        Future<Object> failed = writer.submit(writer.buffer(), () -> {
            throw new IOException("store is full");
        });
        assertThatThrownBy(() -> BlockWriter.results(List.of(failed)))
                .isInstanceOf(IOException.class)
                .hasMessage("store is full");
        assertThatThrownBy(writer::buffer).isInstanceOf(IOException.class).hasMessage("store is full");
        writer.close();
        Future<Integer> after = writer.submit(new byte[1], stored::incrementAndGet);
        assertThatThrownBy(() -> BlockWriter.results(List.of(after))).isInstanceOf(RuntimeException.class);
        assertThat(stored).hasValue(0);
    }

    @Test
    void closeWaitsForBlocksStillBeingStored() throws Exception {
        AtomicInteger stored = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        try (BlockWriter writer = new BlockWriter(executor, 2)) {
            writer.submit(writer.buffer(), () -> {
                started.countDown();
                Thread.sleep(300);
                return stored.incrementAndGet();
            });
            started.await(10, TimeUnit.SECONDS);
        }
        assertThat(stored).hasValue(1);
    }

    @Test
    void runtimeFailuresKeepTheirType() throws Exception {
        try (BlockWriter writer = new BlockWriter(executor, 1)) {
            Future<Object> failed = writer.submit(writer.buffer(), () -> {
                throw new IllegalStateException("codec broke");
            });
            assertThatThrownBy(() -> BlockWriter.results(List.of(failed)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("codec broke");
        }
    }
}
