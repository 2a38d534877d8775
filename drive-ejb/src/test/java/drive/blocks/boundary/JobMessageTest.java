package drive.blocks.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drive.blocks.control.JobStaging;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JobMessageTest {

    @Test
    void carriesTheJobIdAndTheStagedChecksum() {
        var staged = new JobStaging.Staged("0123456789abcdef0123456789abcdef", 3, "ab".repeat(32), 0xFFFF_FFFFL);
        assertThat(JobMessage.parse(JobMessage.body(staged)))
                .isEqualTo(new JobMessage(staged.id(), OptionalLong.of(0xFFFF_FFFFL)));
    }

    @Test
    void messagesQueuedBeforeTheChecksumHaveNone() {
        assertThat(JobMessage.parse("{\"job\": \"abc\"}")).isEqualTo(new JobMessage("abc", OptionalLong.empty()));
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> JobMessage.parse("{\"id\": 1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobMessage.parse("{\"job\": \"abc\", \"crc32c\": 1.5}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
