package drive.files.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drive.platform.control.DriveException;
import org.junit.jupiter.api.Test;

class TreePathsTest {

    @Test
    void subtreePatternEscapesTheWildcardsNamesMayContain() {
        assertThat(TreeEntries.below(DrivePath.parse("/a_b/100%/x!y"))).isEqualTo("/a!_b/100!%/x!!y/%");
        assertThat(TreeEntries.below(DrivePath.ROOT)).isEqualTo("/%");
    }

    @Test
    void rebasedPathKeepsWhatIsBelowTheMovedFolder() {
        DrivePath from = DrivePath.parse("/docs/old");
        DrivePath to = DrivePath.parse("/archive/new");

        assertThat(TreeEntries.rebased("/docs/old", from, to)).isEqualTo(to);
        assertThat(TreeEntries.rebased("/docs/old/sub/file.txt", from, to).value())
                .isEqualTo("/archive/new/sub/file.txt");
    }

    @Test
    void rebasedPathOverTheLengthLimitIsInvalid() {
        DrivePath from = DrivePath.parse("/a");
        DrivePath to = DrivePath.parse("/" + "b".repeat(200) + "/" + "c".repeat(200));
        String deep = "/a/" + "d".repeat(250) + "/" + "e".repeat(250) + "/" + "f".repeat(250);

        assertThatThrownBy(() -> TreeEntries.rebased(deep, from, to))
                .isInstanceOfSatisfying(
                        DriveException.class, e -> assertThat(e.kind()).isEqualTo(DriveException.Kind.INVALID));
    }

    @Test
    void folderCannotGoIntoItselfButIntoASiblingWithTheSamePrefix() {
        DrivePath folder = DrivePath.parse("/a");

        assertThatThrownBy(() -> TreeOperations.checkNotIntoItself("move", folder, DrivePath.parse("/a/b")))
                .isInstanceOf(DriveException.class);
        assertThatThrownBy(() -> TreeOperations.checkNotIntoItself("move", folder, folder))
                .isInstanceOf(DriveException.class);
        assertThatThrownBy(() -> TreeOperations.checkNotIntoItself("copy", DrivePath.ROOT, DrivePath.parse("/x")))
                .isInstanceOf(DriveException.class);
        assertThatNoException()
                .isThrownBy(() -> TreeOperations.checkNotIntoItself("move", folder, DrivePath.parse("/ab")));
        assertThatNoException()
                .isThrownBy(() -> TreeOperations.checkNotIntoItself("move", DrivePath.parse("/a/b"), folder));
    }
}
