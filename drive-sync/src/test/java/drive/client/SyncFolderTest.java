package drive.client;

import static org.assertj.core.api.Assertions.assertThat;

import drive.client.SyncState.Known;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncFolderTest {

    @TempDir
    Path root;

    @Test
    void aStartRemovesTheTemporaryFilesOfAKilledRunAndKeepsTheState() throws IOException {
        Files.createDirectories(root.resolve(".drive-sync/tmp"));
        Files.writeString(root.resolve(".drive-sync/tmp/download-123"), "half a file");
        Files.writeString(root.resolve(".drive-sync/.tmp-456"), "half a state");
        Files.writeString(root.resolve(".drive-sync/state.json"), "{}");

        new SyncFolder(root, new SyncState(), null);

        try (var tmp = Files.list(root.resolve(".drive-sync/tmp"))) {
            assertThat(tmp).isEmpty();
        }
        assertThat(root.resolve(".drive-sync/.tmp-456")).doesNotExist();
        assertThat(root.resolve(".drive-sync/state.json")).exists();
    }

    @Test
    void makingAFolderMakesItsParentsAndRemembersEach() throws IOException {
        SyncFolder folder = new SyncFolder(root, new SyncState(), null);

        folder.ensureFolder("/a/b/c");

        assertThat(root.resolve("a/b/c")).isDirectory();
        assertThat(folder.state.files).containsOnlyKeys("/a", "/a/b", "/a/b/c");
        assertThat(folder.state.files.values()).allMatch(Known::folder);
        assertThat(SyncFolder.parent("/a/b/c")).isEqualTo("/a/b");
        assertThat(SyncFolder.parent("/a")).isEqualTo("/");
    }
}
