package drive.files.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drive.platform.control.DriveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DrivePathTest {

    @Test
    void normalisesTrailingSlashAndKeepsRoot() {
        assertThat(DrivePath.parse("/recipes/soup/").value()).isEqualTo("/recipes/soup");
        assertThat(DrivePath.parse("/").isRoot()).isTrue();
    }

    @Test
    void knowsNameParentAndAncestors() {
        DrivePath path = DrivePath.parse("/recipes/soup/best_soup.txt");
        assertThat(path.name()).isEqualTo("best_soup.txt");
        assertThat(path.parent().value()).isEqualTo("/recipes/soup");
        assertThat(path.ancestors()).extracting(DrivePath::value).containsExactly("/recipes", "/recipes/soup");
        assertThat(DrivePath.parse("/top.txt").ancestors()).isEmpty();
    }

    @Test
    void composedAndDecomposedUnicodeAreTheSamePath() {
        assertThat(DrivePath.parse("/cafe\u0301.txt")).isEqualTo(DrivePath.parse("/caf\u00e9.txt"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "relative.txt",
                "/a/../b",
                "/a/./b",
                "/..",
                "/a//b",
                "/a\u0000b",
                "/a\u0001b",
                "/a\\b",
                "/a\u007fb"
            })
    void refusesTraversalAndControlCharacters(String raw) {
        assertThatThrownBy(() -> DrivePath.parse(raw))
                .isInstanceOf(DriveException.class)
                .satisfies(e -> assertThat(((DriveException) e).kind()).isEqualTo(DriveException.Kind.INVALID));
    }

    @Test
    void refusesOverlongNamesAndPaths() {
        assertThatThrownBy(() -> DrivePath.parse("/" + "n".repeat(256))).hasMessageContaining("255 bytes");
        assertThatThrownBy(() -> DrivePath.parse("/" + "\u00e9".repeat(128))).hasMessageContaining("255 bytes");
        assertThatThrownBy(() -> DrivePath.parse(("/" + "d".repeat(100)).repeat(11)))
                .hasMessageContaining("1024");
    }

    @Test
    void refusesMissingPath() {
        assertThatThrownBy(() -> DrivePath.parse(null)).hasMessageContaining("required");
    }
}
