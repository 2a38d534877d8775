package drive.sharing.control;

import static org.assertj.core.api.Assertions.assertThat;

import drive.platform.control.DriveException;
import drive.sharing.entity.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnerPathsTest {

    private final Mount mount = new Mount(1, 2, 3, "/Work/2026/Q3", "Q3 from Bob", Role.VIEWER, true, false);
    private final Mount link = new Mount(4, 2, 3, "/Work/2026/Q3", "", Role.VIEWER, true, false);

    @Test
    void quotedOwnerPathsBecomeTheRecipientsOrTheLinksPaths() {
        String message = "no file or folder at '/Work/2026/Q3/plan/x.txt'";
        assertThat(OwnerPaths.outward(message, List.of(mount)))
                .isEqualTo("no file or folder at '/Q3 from Bob/plan/x.txt'");
        assertThat(OwnerPaths.outward(message, List.of(link))).isEqualTo("no file or folder at '/plan/x.txt'");
        assertThat(OwnerPaths.outward("'/Work/2026/Q3' is a folder", List.of(link)))
                .isEqualTo("'/' is a folder");
    }

    @Test
    void pathsOutsideTheMountsAndUnquotedTextStay() {
        String message = "'/Work/2026/Q3x' and '/Other' are taken; $1 \\ stays";
        assertThat(OwnerPaths.outward(message, List.of(mount))).isEqualTo(message);
    }

    @Test
    void quotesInPathsOrAroundThemDoNotHideAnOwnerPath() {
        Mount quoted = new Mount(1, 2, 3, "/Bob's Work/Q3", "Q3", Role.EDITOR, true, false);
        assertThat(OwnerPaths.outward("no file or folder at '/Bob's Work/Q3/it's.txt'", List.of(quoted)))
                .isEqualTo("no file or folder at '/Q3/it's.txt'");
        // an echoed header that opens a quote early must not pair the quotes the wrong way
        assertThat(OwnerPaths.outward("If-Match '/' is not a revision of '/Bob's Work/Q3/a.txt'", List.of(quoted)))
                .isEqualTo("If-Match '/' is not a revision of '/Q3/a.txt'");
    }

    @Test
    void theLongestRootWinsAndARewrittenPathIsNotRewrittenAgain() {
        Mount outer = new Mount(5, 2, 6, "/Work", "Q3", Role.VIEWER, true, false);
        Mount inner = new Mount(7, 2, 8, "/Work/Q3", "Work", Role.VIEWER, true, false);
        assertThat(OwnerPaths.outward("'/Work/Q3/x' and '/Work/y'", List.of(outer, inner)))
                .isEqualTo("'/Work/x' and '/Q3/y'");
    }

    @Test
    void aMessageInTheCallersTermsIsNotRephrased() {
        DriveException own = DriveException.notFound("no file or folder at '/Work/2026/Q3/x'")
                .inCallerTerms();
        assertThat(own.rephrased(m -> OwnerPaths.outward(m, List.of(mount))).getMessage())
                .isEqualTo("no file or folder at '/Work/2026/Q3/x'");
        DriveException owners = DriveException.notFound("no file or folder at '/Work/2026/Q3/x'");
        owners.rephrased(m -> OwnerPaths.outward(m, List.of(mount)));
        assertThat(owners.rephrased(m -> "twice").getMessage()).isEqualTo("no file or folder at '/Q3 from Bob/x'");
    }
}
