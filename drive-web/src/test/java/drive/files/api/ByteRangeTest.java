package drive.files.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void readsClosedOpenAndSuffixRanges() throws Exception {
        assertThat(ByteRange.parse("bytes=10-19", 100)).contains(new ByteRange(10, 19));
        assertThat(ByteRange.parse("bytes=90-", 100)).contains(new ByteRange(90, 99));
        assertThat(ByteRange.parse("bytes=-5", 100)).contains(new ByteRange(95, 99));
        assertThat(ByteRange.parse("bytes=95-500", 100)).contains(new ByteRange(95, 99));
    }

    @Test
    void ignoresWhatItCannotRead() throws Exception {
        assertThat(ByteRange.parse(null, 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=1-2,5-6", 100)).isEmpty();
        assertThat(ByteRange.parse("items=1-2", 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=9-3", 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=-", 100)).isEmpty();
    }

    @Test
    void rangeBeyondTheEndIsUnsatisfiable() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=100-", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void dispositionKeepsUtf8NameAndAsciiFallback() {
        assertThat(FilesResource.disposition("soupe à l'oignon.txt"))
                .isEqualTo(
                        "attachment; filename=\"soupe _ l'oignon.txt\"; filename*=UTF-8''soupe%20%C3%A0%20l%27oignon.txt");
    }
}
