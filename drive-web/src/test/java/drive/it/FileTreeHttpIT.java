package drive.it;

import static drive.it.DriveClient.q;
import static drive.it.DriveClient.randomBytes;
import static drive.it.DriveClient.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import drive.it.DriveClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Folders, moves, copies, recoverable deletion and undeletion, against a running Drive. */
class FileTreeHttpIT {

    private static DriveClient user;
    private static String root;

    @BeforeAll
    static void freshUser() {
        user = DriveClient.newUser();
        root = "/" + DriveClient.unique("tree");
    }

    @Test
    void createFolderMakesItsParentsAndRefusesAnythingAlreadyThere() {
        Reply created = createFolder(root + "/new/a/b");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json())
                .containsEntry("path", root + "/new/a/b")
                .containsEntry("name", "b")
                .containsEntry("folder", true);
        assertThat(names(root + "/new/a")).containsExactly("b");
        assertThat(user.list(root + "/new/a/b").entries()).isEmpty();

        createFolder(root + "/new/a/b").assertError(409, "conflict");
        createFolder(root + "/new/a").assertError(409, "conflict");
        uploaded(root + "/new/file.txt", randomBytes(10));
        createFolder(root + "/new/file.txt").assertError(409, "conflict");
        createFolder(root + "/new/file.txt/inside").assertError(409, "conflict");
        createFolder("/").assertError(409, "conflict");
    }

    @Test
    void movedFileKeepsItsHistoryUnderItsNewName() {
        byte[] first = randomBytes(50_000);
        byte[] second = randomBytes(60_000);
        String from = root + "/move-file/draft.txt";
        String to = root + "/move-file/elsewhere/final.txt";
        uploaded(from, first);
        uploaded(from, second);

        Reply moved = move(from, to);
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.json())
                .containsEntry("path", to)
                .containsEntry("name", "final.txt")
                .containsEntry("revision", 2L)
                .containsEntry("sha256", sha256(second));
        user.info(from).assertError(404, "not_found");
        user.download(from).assertError(404, "not_found");
        assertThat(user.revisions(to).jsonList())
                .extracting(r -> r.get("revision"), r -> r.get("sha256"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, sha256(second)),
                        org.assertj.core.groups.Tuple.tuple(1L, sha256(first)));
        assertThat(user.get("/api/files/download?revision=1&path=" + q(to)).body())
                .isEqualTo(first);
        assertThat(user.download(to).body()).isEqualTo(second);
        assertThat(names(root + "/move-file")).containsExactly("elsewhere");
    }

    @Test
    void movedFolderTakesEverythingBelowIt() {
        byte[] a = randomBytes(1000);
        byte[] b = randomBytes(2000);
        uploaded(root + "/move-dir/src/a.txt", a);
        uploaded(root + "/move-dir/src/sub/b%_!.txt", b);

        Reply moved = move(root + "/move-dir/src", root + "/move-dir/dst/deeper");
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.json()).containsEntry("folder", true);

        assertThat(names(root + "/move-dir")).containsExactly("dst");
        assertThat(names(root + "/move-dir/dst/deeper")).containsExactly("sub", "a.txt");
        assertThat(user.download(root + "/move-dir/dst/deeper/a.txt").body()).isEqualTo(a);
        assertThat(user.download(root + "/move-dir/dst/deeper/sub/b%_!.txt").body())
                .isEqualTo(b);
        user.list(root + "/move-dir/src").assertError(404, "not_found");
        user.info(root + "/move-dir/src/sub/b%_!.txt").assertError(404, "not_found");
    }

    @Test
    void folderNamesThatAreLikePatternsDoNotCatchTheirNeighbours() {
        uploaded(root + "/like/a_c/one.txt", randomBytes(10));
        uploaded(root + "/like/abc/two.txt", randomBytes(10));

        assertThat(move(root + "/like/a_c", root + "/like/moved").status()).isEqualTo(200);
        assertThat(names(root + "/like/abc")).containsExactly("two.txt");
        assertThat(names(root + "/like/moved")).containsExactly("one.txt");
    }

    @Test
    void moveIsRefusedWhereItCannotBeDone() {
        String base = root + "/move-errors";
        uploaded(base + "/folder/inner.txt", randomBytes(10));
        uploaded(base + "/file.txt", randomBytes(10));
        uploaded(base + "/other.txt", randomBytes(10));

        move(base + "/missing.txt", base + "/x.txt").assertError(404, "not_found");
        move(base + "/file.txt", base + "/other.txt").assertError(409, "conflict");
        move(base + "/file.txt", base + "/folder").assertError(409, "conflict");
        move(base + "/file.txt", base + "/other.txt/below.txt").assertError(409, "conflict");
        move(base + "/folder", base + "/folder/sub").assertError(400, "invalid_request");
        move(base + "/folder", base + "/folder").assertError(400, "invalid_request");
        move("/", base + "/root").assertError(400, "invalid_request");
        move(base + "/file.txt", "/").assertError(409, "conflict");
        move(base + "/file.txt", "relative.txt").assertError(400, "invalid_request");

        assertThat(names(base)).containsExactly("folder", "file.txt", "other.txt");
        assertThat(names(base + "/folder")).containsExactly("inner.txt");
    }

    @Test
    void copiedFileIsANewFileWithTheSameContent() {
        byte[] content = randomBytes(5 * 1024 * 1024 + 17);
        String source = root + "/copy-file/original.bin";
        String copy = root + "/copy-file/copies/copy.bin";
        uploaded(source, randomBytes(100));
        uploaded(source, content);

        Reply copied = copy(source, copy);
        assertThat(copied.status()).as("%s", copied).isEqualTo(201);
        assertThat(copied.json())
                .containsEntry("path", copy)
                .containsEntry("revision", 1L)
                .containsEntry("size", (long) content.length)
                .containsEntry("sha256", sha256(content));
        assertThat(user.revisions(copy).jsonList())
                .singleElement()
                .satisfies(r -> assertThat(r).containsEntry("revision", 1L).containsEntry("sha256", sha256(content)));
        assertThat(user.download(copy).body()).isEqualTo(content);

        uploaded(source, randomBytes(10));
        assertThat(user.download(copy).body())
                .as("the copy is a file of its own")
                .isEqualTo(content);
        assertThat(user.revisions(source).jsonList()).hasSize(3);

        copy(source, copy).assertError(409, "conflict");
        copy(root + "/copy-file/missing.bin", root + "/copy-file/x.bin").assertError(404, "not_found");
        copy(source, source + "/under").assertError(400, "invalid_request");
    }

    @Test
    void copiedFolderHoldsCopiesOfEverythingBelowIt() {
        byte[] a = randomBytes(3000);
        byte[] b = randomBytes(4000);
        String base = root + "/copy-dir";
        uploaded(base + "/src/a.txt", a);
        uploaded(base + "/src/sub/b.txt", b);
        createFolder(base + "/src/empty");

        Reply copied = copy(base + "/src", base + "/dst");
        assertThat(copied.status()).as("%s", copied).isEqualTo(201);
        assertThat(names(base)).containsExactly("dst", "src");
        assertThat(names(base + "/dst")).containsExactly("empty", "sub", "a.txt");
        assertThat(user.download(base + "/dst/a.txt").body()).isEqualTo(a);
        assertThat(user.download(base + "/dst/sub/b.txt").body()).isEqualTo(b);
        assertThat(user.download(base + "/src/sub/b.txt").body()).isEqualTo(b);
        copy(base + "/src", base + "/src/sub/again").assertError(400, "invalid_request");
    }

    @Test
    void deletedFileDisappearsAndUndeletesWithItsWholeHistory() {
        byte[] first = randomBytes(40_000);
        byte[] second = randomBytes(5 * 1024 * 1024);
        String base = root + "/delete-file";
        String path = base + "/doc.bin";
        uploaded(path, first);
        uploaded(path, second);

        Reply deleted = delete(path);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
        assertThat(deleted.json()).containsEntry("path", path).containsKey("deleted");
        user.info(path).assertError(404, "not_found");
        user.download(path).assertError(404, "not_found");
        user.revisions(path).assertError(404, "not_found");
        assertThat(names(base)).isEmpty();
        assertThat(deletedIn(base).entries()).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("path", path)
                .containsEntry("revision", 2L)
                .containsEntry("sha256", sha256(second))
                .containsKey("deleted"));
        delete(path).assertError(404, "not_found");

        Reply restored = undelete(path);
        assertThat(restored.status()).as("%s", restored).isEqualTo(200);
        assertThat(restored.json()).containsEntry("path", path).containsEntry("revision", 2L);
        assertThat(user.download(path).body()).isEqualTo(second);
        assertThat(user.get("/api/files/download?revision=1&path=" + q(path)).body())
                .isEqualTo(first);
        assertThat(deletedIn(base).entries()).isEmpty();
        undelete(path).assertError(404, "not_found");
    }

    @Test
    void deletedFolderUndeletesWithWhatWasDeletedWithItButNotWhatWasDeletedBefore() {
        byte[] a = randomBytes(1000);
        byte[] b = randomBytes(2000);
        String base = root + "/delete-dir";
        uploaded(base + "/f/a.txt", a);
        uploaded(base + "/f/sub/b.txt", b);
        uploaded(base + "/f/earlier.txt", randomBytes(10));
        assertThat(delete(base + "/f/earlier.txt").status()).isEqualTo(200);

        assertThat(delete(base + "/f").status()).isEqualTo(200);
        assertThat(names(base)).isEmpty();
        user.list(base + "/f").assertError(404, "not_found");
        assertThat(deletedNames(base)).containsExactly("f");
        assertThat(deletedNames(base + "/f")).containsExactly("sub", "a.txt", "earlier.txt");
        assertThat(deletedNames(base + "/f/sub")).containsExactly("b.txt");

        assertThat(undelete(base + "/f").status()).isEqualTo(200);
        assertThat(names(base + "/f")).containsExactly("sub", "a.txt");
        assertThat(user.download(base + "/f/a.txt").body()).isEqualTo(a);
        assertThat(user.download(base + "/f/sub/b.txt").body()).isEqualTo(b);
        assertThat(deletedNames(base + "/f")).containsExactly("earlier.txt");
    }

    @Test
    void entryUndeletedFromADeletedFolderGetsItsParentFoldersBack() {
        byte[] b = randomBytes(2000);
        String base = root + "/undelete-inner";
        uploaded(base + "/f/a.txt", randomBytes(10));
        uploaded(base + "/f/sub/b.txt", b);
        delete(base + "/f");

        assertThat(undelete(base + "/f/sub/b.txt").status()).isEqualTo(200);
        assertThat(names(base + "/f")).containsExactly("sub");
        assertThat(user.download(base + "/f/sub/b.txt").body()).isEqualTo(b);
        assertThat(deletedNames(base + "/f")).containsExactly("sub", "a.txt");
        undelete(base + "/f").assertError(409, "conflict");
        assertThat(undelete(base + "/f/a.txt").status()).isEqualTo(200);
        assertThat(names(base + "/f")).containsExactly("sub", "a.txt");
    }

    @Test
    void uploadToTheDeletedFilesPathContinuesItsHistory() {
        byte[] first = randomBytes(1000);
        byte[] second = randomBytes(1000);
        String path = root + "/revive/doc.txt";
        uploaded(path, first);
        delete(path);

        Reply again = user.upload(path, second);
        assertThat(again.status()).as("%s", again).isEqualTo(201);
        assertThat(again.json()).containsEntry("revision", 2L);
        assertThat(user.revisions(path).jsonList())
                .extracting(r -> r.get("revision"))
                .containsExactly(2L, 1L);
        assertThat(user.get("/api/files/download?revision=1&path=" + q(path)).body())
                .isEqualTo(first);
        assertThat(deletedNames(root + "/revive")).isEmpty();
    }

    @Test
    void deletedEntryNeverBlocksANewOneAndWaitsUntilItsPathIsFree() {
        byte[] old = randomBytes(1000);
        String base = root + "/collide";
        String path = base + "/name";
        uploaded(path, old);
        delete(path);

        assertThat(createFolder(path).status())
                .as("a folder where a file was deleted")
                .isEqualTo(201);
        undelete(path).assertError(409, "conflict");
        assertThat(deletedNames(base)).containsExactly("name");

        assertThat(move(path, base + "/folder-now").status()).isEqualTo(200);
        assertThat(undelete(path).status()).isEqualTo(200);
        assertThat(user.download(path).body()).isEqualTo(old);
        assertThat(names(base)).containsExactly("folder-now", "name");
    }

    @Test
    void deleteAndUndeleteAreRefusedWhereTheyCannotBeDone() {
        String base = root + "/delete-errors";
        uploaded(base + "/file.txt", randomBytes(10));

        delete(base + "/missing.txt").assertError(404, "not_found");
        delete("/").assertError(400, "invalid_request");
        undelete(base + "/never-deleted.txt").assertError(404, "not_found");
        undelete(base + "/file.txt").assertError(404, "not_found");
        undelete("/").assertError(400, "invalid_request");
        user.get("/api/files/list_deleted?path=" + q(base + "/file.txt")).assertError(409, "conflict");
        user.get("/api/files/list_deleted?path=" + q(base + "/nothing-here")).assertError(404, "not_found");
        user.get("/api/files/list_deleted?path=" + q("relative")).assertError(400, "invalid_request");
        assertThat(user.get("/api/files/list_deleted").status()).isEqualTo(200);
    }

    @Test
    void entriesOfOtherUsersAreNotFound() {
        String path = root + "/private/mine.txt";
        uploaded(path, randomBytes(10));
        DriveClient other = DriveClient.newUser();

        other.postJson("/api/files/move", body("from", path, "to", "/stolen.txt"))
                .assertError(404, "not_found");
        other.postJson("/api/files/copy", body("from", path, "to", "/stolen.txt"))
                .assertError(404, "not_found");
        other.postJson("/api/files/delete", body("path", path)).assertError(404, "not_found");
        assertThat(user.info(path).status()).isEqualTo(200);
    }

    @Test
    void concurrentChangesToTheSameEntriesConflictButNeverFail() throws Exception {
        String base = root + "/concurrent";
        uploaded(base + "/moving.txt", randomBytes(100));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reply>> creates = new ArrayList<>();
            List<Future<Reply>> moves = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                creates.add(pool.submit(() -> createFolder(base + "/same")));
                moves.add(pool.submit(() -> move(base + "/moving.txt", base + "/moved-" + n + ".txt")));
            }
            List<Integer> created = statuses(creates);
            List<Integer> moved = statuses(moves);

            assertThat(created).isSubsetOf(201, 409).containsOnlyOnce(201);
            assertThat(moved).isSubsetOf(200, 404, 409).containsOnlyOnce(200);
            assertThat(names(base)).hasSize(2).contains("same");
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> statuses(List<Future<Reply>> replies) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            Reply r = reply.get(60, TimeUnit.SECONDS);
            assertThat(r.status()).as("%s", r).isNotEqualTo(500);
            statuses.add(r.status());
        }
        return statuses;
    }

    @Test
    void malformedBodiesAreInvalidRequestsNeverServerErrors() {
        for (String endpoint : List.of("create_folder", "move", "copy", "delete", "undelete")) {
            String url = "/api/files/" + endpoint;
            for (String body :
                    List.of("", "not json", "{\"path\": ", "[1, 2]", "{}", "{\"path\": 5, \"from\": true}")) {
                user.postJson(url, body).assertError(400, "invalid_request");
            }
            user.send("POST", url, null).assertError(400, "invalid_request");
        }
        user.postJson("/api/files/move", body("from", root + "/x")).assertError(400, "invalid_request");
        user.postJson("/api/files/copy", "{\"from\": \"/a\", \"to\": null}").assertError(400, "invalid_request");
        user.postJson("/api/files/create_folder", body("path", "/a//b")).assertError(400, "invalid_request");
        DriveClient.anonymous()
                .postJson("/api/files/create_folder", body("path", "/anonymous"))
                .assertError(401, "unauthorized");
    }

    private static Reply createFolder(String path) {
        return user.postJson("/api/files/create_folder", body("path", path));
    }

    private static Reply move(String from, String to) {
        return user.postJson("/api/files/move", body("from", from, "to", to));
    }

    private static Reply copy(String from, String to) {
        return user.postJson("/api/files/copy", body("from", from, "to", to));
    }

    private static Reply delete(String path) {
        return user.postJson("/api/files/delete", body("path", path));
    }

    private static Reply undelete(String path) {
        return user.postJson("/api/files/undelete", body("path", path));
    }

    private static Reply deletedIn(String folder) {
        return user.get("/api/files/list_deleted?path=" + q(folder));
    }

    private static List<String> deletedNames(String folder) {
        return deletedIn(folder).entries().stream()
                .map(e -> (String) e.get("name"))
                .toList();
    }

    private static List<String> names(String folder) {
        return user.list(folder).entries().stream()
                .map(e -> (String) e.get("name"))
                .toList();
    }

    private static void uploaded(String path, byte[] content) {
        Reply reply = user.upload(path, content);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }

    private static String body(String... keysAndValues) {
        return Json.object(keysAndValues);
    }
}
