package drive.blocks.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JobMessageTest {

    @Test
    void carriesTheJobIdAndTheStagedChecksum() {
        String id = "0123456789abcdef0123456789abcdef";
        assertThat(JobMessage.parse(JobMessage.body(id, OptionalLong.of(0xFFFF_FFFFL))))
                .isEqualTo(new JobMessage(id, OptionalLong.of(0xFFFF_FFFFL)));
    }

    @Test
    void aJobQueuedAgainKeepsWhatItHad() {
        assertThat(JobMessage.parse(JobMessage.body("abc", OptionalLong.empty())))
                .isEqualTo(new JobMessage("abc", OptionalLong.empty()));
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
