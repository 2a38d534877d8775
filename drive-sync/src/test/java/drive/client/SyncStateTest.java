package drive.client;

import static org.assertj.core.api.Assertions.assertThat;

import drive.client.SyncState.Known;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncStateTest {

    @TempDir
    Path dir;

    @Test
    void survivesASaveAndLoadIncludingTheBlockOffsets() throws IOException {
        SyncState state = new SyncState();
        state.url = "https://drive.example";
        state.user = "ann";
        state.deviceId = 7;
        state.token = "secret";
        state.cursor = "YzEuNTE6OA";
        state.files.put("/docs", Known.ofFolder());
        state.files.put(
                "/docs/a.bin",
                new Known(
                        false,
                        3,
                        "ab".repeat(32),
                        30,
                        123456789L,
                        List.of(
                                new Chunking.Block("cd".repeat(32), 0, 10),
                                new Chunking.Block("ef".repeat(32), 10, 20))));
        Path file = dir.resolve("state.json");

        state.save(file);
        SyncState back = SyncState.load(file);

        assertThat(back.url).isEqualTo("https://drive.example");
        assertThat(back.user).isEqualTo("ann");
        assertThat(back.deviceId).isEqualTo(7);
        assertThat(back.token).isEqualTo("secret");
        assertThat(back.cursor).isEqualTo("YzEuNTE6OA");
        assertThat(back.files).isEqualTo(state.files);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .as("it holds the device token")
                .isEqualTo("rw-------");
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void aMissingFileIsAFreshState() throws IOException {
        SyncState state = SyncState.load(dir.resolve("none.json"));
        assertThat(state.cursor).isNull();
        assertThat(state.files).isEmpty();
    }

    @Test
    void renamingAFolderMovesEverythingBelowItAndNothingElse() {
        SyncState state = new SyncState();
        for (String p : List.of("/a", "/a/b", "/a/b/c.txt", "/a/d.txt", "/ab.txt", "/z")) {
            state.files.put(p, Known.ofFolder());
        }
        assertThat(state.subtree("/a")).containsExactly("/a/d.txt", "/a/b/c.txt", "/a/b", "/a");

        state.rename("/a", "/x/a2");

        assertThat(state.files.keySet())
                .containsExactly("/ab.txt", "/x/a2", "/x/a2/b", "/x/a2/b/c.txt", "/x/a2/d.txt", "/z");
    }
}
