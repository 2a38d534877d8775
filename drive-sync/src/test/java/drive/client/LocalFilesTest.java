package drive.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFilesTest {

    @TempDir
    Path root;

    @Test
    void scanFindsFoldersAndFilesByDrivePathButNotTheMetadataOrLinks() throws IOException {
        Files.createDirectories(root.resolve("docs/sub"));
        Files.writeString(root.resolve("docs/sub/a.txt"), "abc");
        Files.createDirectories(root.resolve(".drive-sync/tmp"));
        Files.writeString(root.resolve(".drive-sync/state.json"), "{}");
        Files.createSymbolicLink(root.resolve("link"), root.resolve("docs"));

        var scan = LocalFiles.scan(root);

        assertThat(scan.keySet()).containsExactly("/docs", "/docs/sub", "/docs/sub/a.txt");
        assertThat(scan.get("/docs/sub/a.txt").size()).isEqualTo(3);
        assertThat(scan.get("/docs").folder()).isTrue();
        assertThat(LocalFiles.local(root, "/docs/sub/a.txt")).isEqualTo(root.resolve("docs/sub/a.txt"));
    }

    @Test
    void anAtomicWriteReplacesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = root.resolve("f.txt");
        Files.writeString(target, "old content, longer than the new");

        LocalFiles.writeAtomically(target, "new".getBytes(), false);

        assertThat(target).hasContent("new");
        try (var left = Files.list(root)) {
            assertThat(left).containsExactly(target);
        }
    }
}
