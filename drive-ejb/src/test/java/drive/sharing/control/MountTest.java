package drive.sharing.control;

import static org.assertj.core.api.Assertions.assertThat;

import drive.sharing.entity.Role;
import org.junit.jupiter.api.Test;

class MountTest {

    private final Mount folder = new Mount(1, 2, 3, "/work/team", "team", Role.EDITOR, true, false);
    private final Mount file = new Mount(1, 2, 3, "/work/plan.txt", "plan.txt", Role.VIEWER, false, false);
    private final Mount link = new Mount(1, 2, 3, "/work/team", "", Role.VIEWER, true, false);

    @Test
    void pathsInsideTheSharedFolderAreSeenUnderTheMount() {
        assertThat(folder.outward("/work/team")).isEqualTo("/team");
        assertThat(folder.outward("/work/team/a/b.txt")).isEqualTo("/team/a/b.txt");
        assertThat(folder.inward("/a/b.txt").value()).isEqualTo("/work/team/a/b.txt");
    }

    @Test
    void pathsOutsideAreNotSeenEvenWithACommonPrefix() {
        assertThat(folder.outward("/work/team-private/x")).isNull();
        assertThat(folder.outward("/work")).isNull();
        assertThat(folder.outward(null)).isNull();
        assertThat(file.outward("/work/plan.txt/x")).isNull();
        assertThat(file.outward("/work/plan.txt")).isEqualTo("/plan.txt");
    }

    @Test
    void aLinkSeesPathsRelativeToTheLinkedItem() {
        assertThat(link.outward("/work/team")).isEqualTo("/");
        assertThat(link.outward("/work/team/a.txt")).isEqualTo("/a.txt");
    }
}
