package drive.files.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentRangeTest {

    @Test
    void chunkGivesFirstLastAndTotal() throws Exception {
        ContentRange range = ContentRange.parse("bytes 262144-524287/6291456");
        assertThat(range).isEqualTo(new ContentRange(262144, 524287, 6291456));
        assertThat(range.length()).isEqualTo(262144);
        assertThat(range.isStatusQuery()).isFalse();
    }

    @Test
    void lastByteOfTheFileIsAllowed() throws Exception {
        assertThat(ContentRange.parse(" bytes 0-9/10 ")).isEqualTo(new ContentRange(0, 9, 10));
    }

    @Test
    void unknownTotalIsAllowedOnAChunk() throws Exception {
        assertThat(ContentRange.parse("bytes 0-99/*").total()).isEqualTo(ContentRange.UNKNOWN);
    }

    @Test
    void starRangeIsAStatusQuery() throws Exception {
        ContentRange query = ContentRange.parse("bytes */6291456");
        assertThat(query.isStatusQuery()).isTrue();
        assertThat(query.total()).isEqualTo(6291456);
        assertThat(ContentRange.parse("bytes */*").isStatusQuery()).isTrue();
        assertThat(ContentRange.parse("bytes */0").total()).isZero();
    }

    @Test
    void missingHeaderIsMalformed() {
        assertThatThrownBy(() -> ContentRange.parse(null)).isInstanceOf(ContentRange.Malformed.class);
        assertThatThrownBy(() -> ContentRange.parse(" ")).isInstanceOf(ContentRange.Malformed.class);
    }

    @Test
    void otherSyntaxIsMalformed() {
        for (String bad : new String[] {
            "0-9/10",
            "bytes=0-9/10",
            "items 0-9/10",
            "bytes 0-9",
            "bytes -9/10",
            "bytes 0-/10",
            "bytes 0-9/ten",
            "bytes 0-9/10, bytes 10-19/20",
            "bytes 99999999999999999999-1/2"
        }) {
            assertThatThrownBy(() -> ContentRange.parse(bad)).as(bad).isInstanceOf(ContentRange.Malformed.class);
        }
    }

    @Test
    void rangeInconsistentWithItselfIsMalformed() {
        assertThatThrownBy(() -> ContentRange.parse("bytes 10-9/20")).isInstanceOf(ContentRange.Malformed.class);
        assertThatThrownBy(() -> ContentRange.parse("bytes 0-10/10")).isInstanceOf(ContentRange.Malformed.class);
        assertThatThrownBy(() -> ContentRange.parse("bytes 5-5/0")).isInstanceOf(ContentRange.Malformed.class);
    }
}
