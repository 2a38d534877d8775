package drive.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sync clients (devices "laptop" and "phone" of one fresh user) on two temporary folders,
 * against the running Drive: what happens in one folder reaches the other through the server only
 * (journal, long poll, delta transfers), and concurrent edits converge with a conflicted copy.
 */
class SyncClientHttpIT {

    private static final long WAIT_MILLIS = 60_000;

    @TempDir
    Path tmp;

    private String user;
    private Path dirA;
    private Path dirB;
    private SyncClient a;
    private SyncClient b;

    @BeforeEach
    void twoDevices() throws IOException {
        user = TestServer.newUser();
        dirA = tmp.resolve("laptop");
        dirB = tmp.resolve("phone");
        a = start(dirA, "laptop");
        b = start(dirB, "phone");
    }

    @AfterEach
    void stop() {
        for (SyncClient c : new SyncClient[] {a, b}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private SyncClient start(Path dir, String device) throws IOException {
        SyncClient client = new SyncClient(TestServer.options(user, dir, device));
        client.start();
        return client;
    }

    @Test
    void aFileCreatedInOneFolderAppearsInTheOtherAndItsRevisionRecordsTheDevice() throws IOException {
        Files.createDirectories(dirA.resolve("notes"));
        Files.writeString(dirA.resolve("notes/today.txt"), "buy milk\n");
        Files.createDirectories(dirA.resolve("empty folder"));

        awaitSameTrees();
        assertThat(Files.readString(dirB.resolve("notes/today.txt"))).isEqualTo("buy milk\n");
        assertThat(dirB.resolve("empty folder")).isDirectory();
        String revisions = TestServer.get(user, "/api/files/list_revisions?path=" + Http.q("/notes/today.txt"));
        assertThat(Json.parse("{\"r\":" + revisions + "}")
                        .getJsonArray("r")
                        .getJsonObject(0)
                        .getString("device"))
                .isEqualTo("laptop");
    }

    @Test
    void aFileTheServerRefusesIsSkippedWhileTheOthersStillSync() throws IOException {
        Files.writeString(dirA.resolve("back\\slash.txt"), "Drive refuses backslashes in names");
        Files.writeString(dirA.resolve("fine.txt"), "fine");

        await(() -> Files.exists(dirB.resolve("fine.txt")), "the other file reaches the phone");
        Files.writeString(dirA.resolve("later.txt"), "later");
        await(() -> Files.exists(dirB.resolve("later.txt")), "later rounds go on");
        assertThat(dirB.resolve("back\\slash.txt")).doesNotExist();
        assertThat(dirA.resolve("back\\slash.txt")).as("kept where it is").exists();
    }

    @Test
    void anEditOfALargeFileTransfersOnlyTheChangedBlocksBothWays() throws IOException {
        byte[] content = new byte[20 * 1024 * 1024];
        new Random(20261122).nextBytes(content);
        Files.write(dirA.resolve("video.bin"), content);
        awaitSameTrees();
        SyncClient.Stats sentBefore = a.stats();
        SyncClient.Stats receivedBefore = b.stats();

        try (RandomAccessFile f = new RandomAccessFile(dirA.resolve("video.bin").toFile(), "rw")) {
            f.seek(content.length / 2);
            f.write("a small edit in the middle of a large file".getBytes(StandardCharsets.UTF_8));
        }
        awaitSameTrees();

        long blocksSent = a.stats().blocksSent() - sentBefore.blocksSent();
        long bytesSent = a.stats().blockBytesSent() - sentBefore.blockBytesSent();
        long commitBytes = a.stats().commitBytesSent() - sentBefore.commitBytesSent();
        long blocksReceived = b.stats().blocksReceived() - receivedBefore.blocksReceived();
        long bytesReceived = b.stats().blockBytesReceived() - receivedBefore.blockBytesReceived();
        System.out.printf(
                "20 MiB file, 42 bytes overwritten: laptop sent %d block(s), %d block bytes + %d commit bytes;"
                        + " phone fetched %d block(s), %d bytes%n",
                blocksSent, bytesSent, commitBytes, blocksReceived, bytesReceived);
        assertThat(blocksSent).isBetween(1L, 2L);
        assertThat(bytesSent + commitBytes).isLessThan(content.length / 4);
        assertThat(blocksReceived).isEqualTo(blocksSent);
        assertThat(bytesReceived).isEqualTo(bytesSent);
    }

    @Test
    void concurrentEditsOfOneFileConvergeWithAConflictedCopyHoldingTheLosingVersion() throws IOException {
        Files.writeString(dirA.resolve("plan.txt"), "version 1\n");
        awaitSameTrees();
        a.close();
        b.close();
        Files.writeString(dirA.resolve("plan.txt"), "version 2 from the laptop\n");
        Files.writeString(dirB.resolve("plan.txt"), "version 2 from the phone, longer\n");
        a = start(dirA, "laptop");
        b = start(dirB, "phone");

        await(
                () -> tree(dirA).size() == 2 && tree(dirA).equals(tree(dirB)),
                "both folders hold the file and one conflicted copy");
        List<Path> copies = conflictedCopies(dirA);
        assertThat(copies).hasSize(1);
        String winner = Files.readString(dirA.resolve("plan.txt"));
        String loser = Files.readString(copies.get(0));
        assertThat(List.of(winner, loser))
                .containsExactlyInAnyOrder("version 2 from the laptop\n", "version 2 from the phone, longer\n");
        String losingDevice = loser.contains("laptop") ? "laptop" : "phone";
        assertThat(copies.get(0).getFileName().toString())
                .isEqualTo("plan (conflicted copy " + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + " "
                        + losingDevice + ").txt");
        assertThat(TestServer.info(user, "/plan.txt").getJsonNumber("revision").longValue())
                .isEqualTo(2);
    }

    @Test
    void deletesAndMovesPropagateAsMovesAndDeletes() throws IOException {
        Files.createDirectories(dirA.resolve("docs/sub"));
        Files.writeString(dirA.resolve("docs/x.txt"), "x");
        Files.writeString(dirA.resolve("docs/y.txt"), "y");
        Files.writeString(dirA.resolve("docs/sub/z.txt"), "z");
        Files.write(dirA.resolve("top.bin"), new byte[300_000]);
        awaitSameTrees();
        long blocksBefore = a.stats().blocksSent();
        String cursor =
                Json.parse(TestServer.get(user, "/api/changes/latest_cursor")).getString("cursor");

        Files.move(dirA.resolve("docs"), dirA.resolve("papers"));
        Files.move(dirA.resolve("top.bin"), dirA.resolve("papers/renamed.bin"));
        await(
                () -> Files.exists(dirB.resolve("papers/renamed.bin"))
                        && tree(dirA).equals(tree(dirB)),
                "the moves reach the phone");
        assertThat(dirB.resolve("docs")).doesNotExist();
        assertThat(a.stats().blocksSent()).as("a move sends no content").isEqualTo(blocksBefore);
        List<String> journal = Json.parse(TestServer.get(user, "/api/changes?cursor=" + Http.q(cursor)))
                .getJsonArray("entries")
                .getValuesAs(jakarta.json.JsonObject.class)
                .stream()
                .map(e -> e.getString("kind") + " " + Json.string(e, "previousPath") + " -> " + e.getString("path"))
                .toList();
        assertThat(journal)
                .as("sent as moves (history follows), not as deletes and uploads")
                .containsExactlyInAnyOrder(
                        "moved /docs -> /papers",
                        "moved /docs/sub -> /papers/sub",
                        "moved /docs/x.txt -> /papers/x.txt",
                        "moved /docs/y.txt -> /papers/y.txt",
                        "moved /docs/sub/z.txt -> /papers/sub/z.txt",
                        "moved /top.bin -> /papers/renamed.bin");

        Files.delete(dirB.resolve("papers/x.txt"));
        Files.delete(dirB.resolve("papers/sub/z.txt"));
        Files.delete(dirB.resolve("papers/sub"));
        await(
                () -> Files.notExists(dirA.resolve("papers/sub")) && tree(dirA).equals(tree(dirB)),
                "the deletes reach the laptop");
        assertThat(tree(dirA).keySet()).containsExactly("/papers", "/papers/renamed.bin", "/papers/y.txt");
        assertThat(serverHas("/papers/x.txt")).as("deleted on the server").isFalse();
    }

    @Test
    void aFileMadeAgainWhereOneWasDeletedArrivesAsItIsWithoutAConflictedCopy() throws IOException {
        Files.writeString(dirA.resolve("again.txt"), "the first one");
        awaitSameTrees();
        Files.delete(dirA.resolve("again.txt"));
        await(() -> Files.notExists(dirB.resolve("again.txt")), "the delete reaches the phone");

        Files.writeString(dirB.resolve("again.txt"), "a new one, made on the phone");
        await(
                () -> Files.exists(dirA.resolve("again.txt")) && tree(dirA).equals(tree(dirB)),
                "the new file reaches the laptop");
        assertThat(Files.readString(dirA.resolve("again.txt"))).isEqualTo("a new one, made on the phone");
        assertThat(tree(dirA).keySet()).containsExactly("/again.txt");
    }

    @Test
    void aRevokedDeviceStopsSyncingUntilRegisteredAgainOnPurpose() throws Exception {
        long deviceId =
                Json.number(Json.parse(Files.readString(dirA.resolve(".drive-sync/state.json"))), "deviceId", 0);
        Http.Reply revoked =
                TestServer.as(user, TestServer.PASSWORD).send("DELETE", "/api/devices/" + deviceId, null, null);
        assertThat(revoked.status()).isEqualTo(204);
        Files.writeString(dirA.resolve("after.txt"), "written after the laptop was revoked");

        assertThat(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                        java.time.Duration.ofSeconds(60), a::awaitStop))
                .as("stopped because its token was refused")
                .isTrue();
        assertThat(serverHas("/after.txt")).isFalse();
        a.close();

        a = new SyncClient(new Options(
                TestServer.URL,
                user,
                TestServer.PASSWORD,
                dirA,
                "laptop",
                true,
                null,
                null,
                java.time.Duration.ofMillis(300),
                30,
                false,
                true));
        a.start();
        await(() -> Files.exists(dirB.resolve("after.txt")), "after --register the file goes up and reaches the phone");
    }

    @Test
    void aClientRestartedAfterMissingChangesCatchesUpByItsCursor() throws IOException {
        Files.writeString(dirA.resolve("keep.txt"), "kept");
        Files.writeString(dirA.resolve("edit.txt"), "first");
        Files.writeString(dirA.resolve("remove.txt"), "soon gone");
        awaitSameTrees();
        b.close();

        Files.writeString(dirA.resolve("edit.txt"), "second, while the phone was off");
        Files.delete(dirA.resolve("remove.txt"));
        Files.createDirectories(dirA.resolve("new"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(dirA.resolve("new/file-" + i + ".txt"), "file " + i);
        }
        await(
                () -> serverHas("/new/file-4.txt")
                        && !serverHas("/remove.txt")
                        && TestServer.info(user, "/edit.txt")
                                        .getJsonNumber("revision")
                                        .longValue()
                                == 2,
                "the laptop uploaded");

        b = start(dirB, "phone");
        awaitSameTrees();
        assertThat(Files.readString(dirB.resolve("edit.txt"))).isEqualTo("second, while the phone was off");
        assertThat(b.stats().listings())
                .as("caught up from the journal, without listing folders")
                .isZero();
    }

    @Test
    void aClientWhoseCursorIsNoLongerValidListsEverythingAndReconciles() throws IOException {
        Files.writeString(dirA.resolve("stays.txt"), "stays");
        Files.writeString(dirA.resolve("goes.txt"), "goes");
        awaitSameTrees();
        b.close();
        Path stateFile = dirB.resolve(".drive-sync/state.json");
        String state = Files.readString(stateFile);
        String cursor = Json.parse(state).getString("cursor");
        Files.writeString(stateFile, state.replace(cursor, "not-a-cursor-of-this-server"));
        Files.delete(dirA.resolve("goes.txt"));
        Files.writeString(dirA.resolve("arrived.txt"), "arrived");
        await(() -> serverHas("/arrived.txt") && !serverHas("/goes.txt"), "the laptop uploaded");

        b = start(dirB, "phone");
        awaitSameTrees();
        assertThat(b.stats().listings())
                .as("listed everything after the cursor was refused")
                .isPositive();
    }

    private boolean serverHas(String path) {
        return Http.await(
                                TestServer.as(user, TestServer.PASSWORD)
                                        .sendAsync(
                                                "GET",
                                                "/api/files/info?path=" + Http.q(path),
                                                null,
                                                null,
                                                java.time.Duration.ofSeconds(30)),
                                "GET",
                                "info")
                        .status()
                == 200;
    }

    private void awaitSameTrees() {
        await(() -> !tree(dirA).isEmpty() && tree(dirA).equals(tree(dirB)), "both folders hold the same");
    }

    private void await(BooleanSupplier condition, String what) {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("after " + WAIT_MILLIS + " ms, not true: " + what + "\nlaptop: " + tree(dirA)
                        + "\nphone:  " + tree(dirB));
            }
            pause(100);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Every entry of a synced folder (metadata left out): "dir" for folders, the SHA-256 for files. A
     * walk that meets a file the client replaces at that moment is tried again, up to 10 times.
     */
    static Map<String, String> tree(Path root) {
        Exception failure = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            Map<String, String> tree = new TreeMap<>();
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    String path = LocalFiles.drivePath(root, p);
                    if (p.equals(root) || path.startsWith("/" + LocalFiles.META)) {
                        continue;
                    }
                    byte[] data = Files.isDirectory(p) ? null : Files.readAllBytes(p);
                    tree.put(path, data == null ? "dir" : Chunking.sha256(data, data.length));
                }
                return tree;
            } catch (IOException | java.io.UncheckedIOException e) {
                failure = e;
                pause(50);
            }
        }
        return Map.of("(scan failed)", failure.toString());
    }

    private static List<Path> conflictedCopies(Path dir) throws IOException {
        List<Path> copies = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().contains("conflicted copy"))
                    .forEach(copies::add);
        }
        return copies;
    }
}
