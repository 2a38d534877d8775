package drive.blocks.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PipelineWarmUpTest {

    @Test
    void runsEveryKernelOverSmallBuffersAndChecksItsRoundTrips() {
        PipelineWarmUp.Summary done = PipelineWarmUp.run();

        // 2 x 20 000 TLS-style cipher calls and 2 x 5 000 codec calls of 256 bytes, 3 x 20 000 pieces of 1 KiB
        long expected = 2L * 20_000 * 256 + 2L * 5_000 * 256 + 3L * 20_000 * 1024;
        assertThat(done.bytes()).isEqualTo(expected);
        assertThat(done.millis()).isNotNegative();
    }
}
