package drive.it;

import static drive.it.DriveClient.q;
import static drive.it.DriveClient.randomBytes;
import static drive.it.DriveClient.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import drive.it.DriveClient.Reply;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sync conflicts (issue 4, part 7): every write may carry the revision it was based on; the first
 * change committed wins, a later one gets 409 with the latest revision unless it asked to keep both
 * or to overwrite. Many concurrent writers: exactly one wins per base revision and none is lost.
 */
class SyncConflictHttpIT {

    private static DriveClient user;
    private static String root;

    @BeforeAll
    static void freshUser() {
        user = DriveClient.newUser();
        root = "/" + DriveClient.unique("conflicts");
    }

    private static Reply upload(String path, byte[] content, String query, String... headers) {
        return user.send(
                "POST",
                "/api/files/upload?uploadType=media&path=" + q(path) + query,
                content,
                concat(headers, "Content-Type", "application/octet-stream"));
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(more, 0, all, 0, more.length);
        System.arraycopy(headers, 0, all, more.length, headers.length);
        return all;
    }

    @Test
    void aWriteBasedOnAStaleRevisionIs409WithTheLatestAndChangesNothing() {
        String path = root + "/stale.txt";
        byte[] first = randomBytes(1000);
        byte[] second = randomBytes(1000);
        assertThat(upload(path, first, "&baseRevision=0").status()).isEqualTo(201);
        Reply based = upload(path, second, "&baseRevision=1");
        assertThat(based.status()).as("%s", based).isEqualTo(201);
        assertThat(based.json()).containsEntry("revision", 2L);

        Reply stale = upload(path, randomBytes(1000), "&baseRevision=1").assertError(409, "conflict");
        assertThat(stale.json()).containsEntry("latestRevision", 2L);
        upload(path, randomBytes(1000), "&baseRevision=0").assertError(409, "conflict");
        assertThat(user.download(path).body()).isEqualTo(second);
        assertThat(user.revisions(path).jsonList()).hasSize(2);
    }

    @Test
    void ifMatchTakesTheETagAsTheBase() {
        String path = root + "/etag.txt";
        byte[] first = randomBytes(1000);
        user.upload(path, first);
        String etag = user.download(path).header("ETag").orElseThrow();

        Reply matched = upload(path, randomBytes(500), "", "If-Match", etag);
        assertThat(matched.status()).as("%s", matched).isEqualTo(201);
        Reply stale = upload(path, randomBytes(500), "", "If-Match", etag).assertError(409, "conflict");
        assertThat(stale.json()).containsEntry("latestRevision", 2L);
        upload(path, randomBytes(10), "&baseRevision=2", "If-Match", etag).assertError(400, "invalid_request");
    }

    @Test
    void keepBothStoresAConflictedCopyAndOverwriteAddsARevisionOnTop() {
        String path = root + "/report.txt";
        byte[] mine = "my edit".getBytes(StandardCharsets.UTF_8);
        byte[] theirs = "their edit".getBytes(StandardCharsets.UTF_8);
        byte[] third = "a third edit".getBytes(StandardCharsets.UTF_8);
        user.upload(path, randomBytes(100));
        assertThat(upload(path, theirs, "&baseRevision=1").status()).isEqualTo(201);

        Reply kept = upload(path, mine, "&baseRevision=1&onConflict=keepBoth");
        assertThat(kept.status()).as("%s", kept).isEqualTo(201);
        String copy =
                root + "/report (conflicted copy " + LocalDate.now(ZoneOffset.UTC) + " " + user.username + ").txt";
        assertThat(kept.json()).containsEntry("path", copy).containsEntry("revision", 1L);
        assertThat(user.download(copy).body()).isEqualTo(mine);
        assertThat(user.download(path).body()).isEqualTo(theirs);

        Reply again = upload(path, mine, "&baseRevision=1&onConflict=keepBoth");
        assertThat(again.json().get("path")).isEqualTo(copy.replace(").txt", " 2).txt"));

        Reply overwritten = upload(path, third, "&baseRevision=1&onConflict=overwrite");
        assertThat(overwritten.status()).as("%s", overwritten).isEqualTo(201);
        assertThat(overwritten.json()).containsEntry("path", path).containsEntry("revision", 3L);
        assertThat(user.download(path).body()).isEqualTo(third);

        upload(path, third, "&onConflict=sometimes").assertError(400, "invalid_request");
        upload(path, third, "&baseRevision=-1").assertError(400, "invalid_request");
    }

    /**
     * A file shared with an editor, added to their drive: their stale save with keepBoth makes the
     * conflicted copy next to the file in the owner's folder, which the answer must not name.
     */
    @Test
    void keepBothOnAFileSharedWithYouNamesTheCopyWithoutTheOwnersFolders() {
        DriveClient owner = DriveClient.newUser();
        DriveClient editor = DriveClient.newUser();
        String hidden = "/" + DriveClient.unique("owners-private-folder");
        byte[] theirs = "owner's edit".getBytes(StandardCharsets.UTF_8);
        byte[] mine = "editor's edit".getBytes(StandardCharsets.UTF_8);
        assertThat(owner.upload(hidden + "/plan.txt", randomBytes(50)).status()).isEqualTo(201);
        Reply shared = owner.postJson(
                "/api/shares", Json.object("path", hidden + "/plan.txt", "user", editor.username, "role", "editor"));
        assertThat(shared.status()).as("%s", shared).isEqualTo(201);
        Reply mounted = editor.postJson(
                "/api/shares/" + shared.json().get("id") + "/mount", Json.object("name", "Plan from a colleague.txt"));
        assertThat(mounted.status()).as("%s", mounted).isEqualTo(200);
        assertThat(owner.upload(hidden + "/plan.txt", theirs).status()).isEqualTo(201); // revision 2

        Reply kept = editor.send(
                "POST",
                "/api/files/upload?uploadType=media&path=" + q("/Plan from a colleague.txt")
                        + "&baseRevision=1&onConflict=keepBoth",
                mine,
                "Content-Type",
                "application/octet-stream");

        assertThat(kept.status()).as("%s", kept).isEqualTo(201);
        String copy = "plan (conflicted copy " + LocalDate.now(ZoneOffset.UTC) + " " + editor.username + ").txt";
        assertThat(kept.json()).containsEntry("path", "/" + copy).containsEntry("name", copy);
        assertThat(owner.download(hidden + "/" + copy).body()).isEqualTo(mine); // the owner has both
        assertThat(editor.download("/Plan from a colleague.txt").body()).isEqualTo(theirs);
    }

    @Test
    void deltaCommitsAndResumableSessionsAreCheckedToo() {
        String path = root + "/delta.bin";
        DeltaClient delta = new DeltaClient(user);
        byte[] first = randomBytes(300_000);
        assertThat(delta.sync(path, first).status()).isEqualTo(201);
        assertThat(delta.sync(path, randomBytes(300_000), "baseRevision", 1L).status())
                .isEqualTo(201);

        byte[] late = randomBytes(300_000);
        Reply stale = delta.sync(path, late, "baseRevision", 1L).assertError(409, "conflict");
        assertThat(stale.json()).containsEntry("latestRevision", 2L);
        Reply kept = delta.sync(path, late, "baseRevision", 1L, "onConflict", "keepBoth");
        assertThat(kept.status()).as("%s", kept).isEqualTo(201);
        assertThat((String) kept.json().get("path")).contains("(conflicted copy ");

        Reply session = user.postJson(
                "/api/files/upload?uploadType=resumable",
                "{\"path\": \"" + path + "\", \"baseRevision\": 1}",
                "X-Upload-Content-Length",
                "1000");
        session.assertError(409, "conflict");
        assertThat(session.json()).containsEntry("latestRevision", 2L);
    }

    /**
     * A file deleted from a path is revived, history and all, by the next write there; to writers it
     * had no content, so "based on revision 0" (must not exist) is not stale — on every write path —
     * and a second such write is. A write still based on the deleted revision is stale (the file is gone).
     */
    @Test
    void aWriteBasedOnNothingToAPathWhoseFileWasDeletedRevivesIt() {
        DeltaClient delta = new DeltaClient(user);
        String[] paths = {root + "/gone/simple.txt", root + "/gone/delta.bin", root + "/gone/keep.txt"};
        for (String path : paths) {
            user.upload(path, randomBytes(1000));
            assertThat(user.postJson("/api/files/delete", "{\"path\": \"" + path + "\"}")
                            .status())
                    .isEqualTo(200);
        }
        upload(paths[0], randomBytes(1000), "&baseRevision=1").assertError(409, "conflict");

        byte[] simple = randomBytes(1000);
        Reply revived = upload(paths[0], simple, "&baseRevision=0");
        assertThat(revived.status()).as("%s", revived).isEqualTo(201);
        assertThat(revived.json()).containsEntry("revision", 2L).containsEntry("path", paths[0]);
        assertThat(user.download(paths[0]).body()).isEqualTo(simple);
        upload(paths[0], randomBytes(1000), "&baseRevision=0").assertError(409, "conflict");

        byte[] committed = randomBytes(300_000);
        Reply viaCommit = delta.sync(paths[1], committed, "baseRevision", 0L);
        assertThat(viaCommit.status()).as("%s", viaCommit).isEqualTo(201);
        assertThat(viaCommit.json()).containsEntry("revision", 2L);
        assertThat(user.download(paths[1]).body()).isEqualTo(committed);

        byte[] kept = randomBytes(1000);
        Reply keepBoth = upload(paths[2], kept, "&baseRevision=0&onConflict=keepBoth");
        assertThat(keepBoth.status()).as("%s", keepBoth).isEqualTo(201);
        assertThat(keepBoth.json()).as("no conflict, so no conflicted copy").containsEntry("path", paths[2]);
        assertThat(user.list(root + "/gone").entries())
                .extracting(e -> e.get("name"))
                .containsExactlyInAnyOrder("simple.txt", "delta.bin", "keep.txt");
        assertThat(user.revisions(paths[2]).jsonList()).hasSize(2);
    }

    /**
     * Eight clients each commit their own content to one file, again and again on the latest
     * revision they saw, until theirs is in. Exactly one wins per base revision; every update ends
     * in the history, none twice.
     */
    @Test
    void concurrentWritersExactlyOneWinsPerBaseRevisionAndNoUpdateIsLost() throws Exception {
        String path = root + "/contended.bin";
        assertThat(user.upload(path, randomBytes(100)).status()).isEqualTo(201);
        int writers = 8;
        Map<Long, String> winnerOfBase = new ConcurrentHashMap<>();
        List<String> contents = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> attempts = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            byte[] content = randomBytes(50_000 + w);
            contents.add(sha256(content));
            attempts.add(pool.submit(() -> {
                for (int attempt = 1; attempt <= 100; attempt++) {
                    long base = (Long) user.info(path).json().get("revision");
                    Reply reply = upload(path, content, "&baseRevision=" + base);
                    if (reply.status() == 201) {
                        assertThat(reply.json()).containsEntry("revision", base + 1);
                        String previous = winnerOfBase.putIfAbsent(base, sha256(content));
                        assertThat(previous)
                                .as("a second winner on base revision %d", base)
                                .isNull();
                        return attempt;
                    }
                    reply.assertError(409, "conflict");
                    assertThat((Long) reply.json().get("latestRevision")).isGreaterThanOrEqualTo(base);
                }
                throw new AssertionError("a writer never got its update in");
            }));
        }
        int totalAttempts = 0;
        for (Future<Integer> attempt : attempts) {
            totalAttempts += attempt.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        List<Map<String, Object>> history = user.get("/api/files/list_revisions?path=" + q(path) + "&limit=100")
                .jsonList();
        assertThat(history).hasSize(writers + 1);
        Set<Object> written = new HashSet<>();
        history.stream().filter(r -> (Long) r.get("revision") > 1).forEach(r -> written.add(r.get("sha256")));
        assertThat(written).containsExactlyInAnyOrderElementsOf(contents);
        assertThat(winnerOfBase).hasSize(writers);
        assertThat(totalAttempts).as("some writers had to retry").isGreaterThan(writers);
    }
}
