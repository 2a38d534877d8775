package drive.sync.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drive.platform.control.DriveException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void encodedCursorDecodesToTheSamePositions() {
        Cursor cursor = new Cursor(Map.of(51L, 10L, 7L, 0L));

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).doesNotContain("=", "+", "/");
        assertThat(Cursor.decode(cursor.encode()).after(51)).isEqualTo(10);
        assertThat(cursor.after(99)).isZero();
    }

    @Test
    void sameStateGivesTheSameCursor() {
        assertThat(Cursor.of(5, 3).encode()).isEqualTo(Cursor.of(5, 3).encode());
        assertThat(Cursor.of(5, 3).with(5, 4).encode())
                .isEqualTo(Cursor.of(5, 4).encode());
    }

    @Test
    void anythingElseIsOneInvalidCursorAnswer() {
        for (String bad : new String[] {
            "",
            "garbage!",
            encoded("c1."),
            encoded("c2.1:1"),
            encoded("c1.1:-1"),
            encoded("c1.x:1"),
            encoded("c1.1:1,1:2"),
            encoded("c1.1:1:1"),
            encoded("c1.1"),
            "x".repeat(5000)
        }) {
            assertThatThrownBy(() -> Cursor.decode(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            DriveException.class, e -> assertThat(e.kind()).isEqualTo(DriveException.Kind.INVALID));
        }
    }

    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }
}
