package drive.blocks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BytePipeTest {

    @Test
    @Timeout(20)
    void bytesWrittenInAnyPiecesAreReadInOrderThenTheEnd() throws Exception {
        byte[] data = new byte[3_000_017];
        new Random(3).nextBytes(data);
        BytePipe pipe = new BytePipe(64 * 1024, 3); // far smaller than the data: the writer must wait
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = pipe.input()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Random pieces = new Random(4);
        for (int at = 0; at < data.length; ) {
            int n = Math.min(data.length - at, 1 + pieces.nextInt(200_000));
            pipe.write(data, at, n);
            at += n;
        }
        pipe.close();
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(data);
        assertThat(pipe.abandoned()).isFalse();
    }

    @Test
    @Timeout(20)
    void aWriterWaitingForRoomGoesOnOnceTheReaderGivesUp() throws Exception {
        BytePipe pipe = new BytePipe(1024, 2);
        byte[] data = new byte[10 * 1024];
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> pipe.write(data, 0, data.length));
        Thread.sleep(200);
        assertThat(writer).as("nobody reads: the writer waits for room").isNotDone();

        pipe.abandon(); // what the reading side does when its ingest fails

        writer.get(5, TimeUnit.SECONDS);
        pipe.write(data, 0, data.length); // dropped at once
        pipe.close();
        assertThatThrownBy(() -> pipe.input().read(new byte[10]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("given up");
    }

    @Test
    @Timeout(20)
    void theReaderFailsOnceTheWriterGivesUpInsteadOfSeeingAnEarlyEnd() throws Exception {
        BytePipe pipe = new BytePipe(1024, 4);
        pipe.write(new byte[100], 0, 100);
        InputStream in = pipe.input();
        assertThat(in.read(new byte[100])).isEqualTo(100);

        pipe.abandon(); // the upload failed while it was staged

        assertThatThrownBy(() -> in.read(new byte[10])).isInstanceOf(IOException.class);
    }
}
