package drive.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import drive.sync.control.FileChanged;
import drive.sync.entity.ChangeKind;
import drive.users.control.Caller;
import org.junit.jupiter.api.Test;

class NotificationKindTest {

    private static FileChanged change(ChangeKind kind, String path, boolean folder) {
        return new FileChanged(1, kind, path, null, folder, null, null, null, Caller.user("bob"));
    }

    @Test
    void changesMapToWhatUsersAreToldAbout() {
        assertThat(NotificationKind.of(change(ChangeKind.UPLOADED, "/a.txt", false)))
                .isEqualTo(NotificationKind.EDITED);
        assertThat(NotificationKind.of(change(ChangeKind.MODIFIED, "/a.txt", false)))
                .isEqualTo(NotificationKind.EDITED);
        assertThat(NotificationKind.of(change(ChangeKind.PENDING, "/a.txt", false)))
                .isNull();
        assertThat(NotificationKind.of(change(ChangeKind.FOLDER_CREATED, "/d", true)))
                .isNull();
        assertThat(NotificationKind.of(change(ChangeKind.UNDELETED, "/a.txt", false)))
                .isEqualTo(NotificationKind.RESTORED);
        assertThat(NotificationKind.of(change(ChangeKind.NOTIFICATION, "/", true)))
                .isNull();
        assertThat(NotificationKind.of(change(ChangeKind.ADDED, "/a (conflicted copy 2026-11-22 bob).txt", false)))
                .isEqualTo(NotificationKind.CONFLICT);
    }

    @Test
    void onlyFailuresOfOnesOwnUploadGoToTheActor() {
        assertThat(NotificationKind.UPLOAD_FAILED.toActor(change(ChangeKind.FAILED, "/a", false)))
                .isTrue();
        assertThat(NotificationKind.CONFLICT.toActor(change(ChangeKind.CONFLICT, "/a", false)))
                .isTrue();
        assertThat(NotificationKind.CONFLICT.toActor(change(ChangeKind.ADDED, "/a (conflicted copy x).txt", false)))
                .isFalse();
        assertThat(NotificationKind.EDITED.toActor(change(ChangeKind.MODIFIED, "/a", false)))
                .isFalse();
    }

    @Test
    void coalescedEditsReadAsOneLine() {
        assertThat(NotificationKind.EDITED.describe(12, "bob")).isEqualTo("edited 12 times by bob");
        assertThat(NotificationKind.SHARED.describe(1, "alice")).isEqualTo("shared with you by alice");
        assertThat(NotificationKind.UPLOAD_FAILED.describe(1, "bob")).isEqualTo("upload failed");
    }
}
