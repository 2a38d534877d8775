package drive.it;

import static drive.it.DriveClient.randomBytes;
import static drive.it.DriveClient.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import drive.it.DriveClient.Reply;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Google Drive's resumable upload protocol ({@code uploadType=resumable}) against a running Drive. */
class ResumableUploadHttpIT {

    private static final int MIB = 1024 * 1024;
    /** Six MiB and a bit: a last chunk that is not a multiple of 256 KiB. */
    private static final byte[] CONTENT = randomBytes(6 * MIB + 1000);

    private static DriveClient user;
    private static String root;

    @BeforeAll
    static void freshUser() {
        user = DriveClient.newUser();
        root = "/" + DriveClient.unique("resumable");
    }

    @Test
    void chunkedUploadEndsByteIdenticalAsTheNextRevision() {
        String path = root + "/chunked.bin";
        assertThat(user.upload(path, randomBytes(1000)).status()).isEqualTo(201);

        Reply opened = start(user, path, CONTENT.length, sha256(CONTENT));
        assertThat(opened.status()).as("%s", opened).isEqualTo(200);
        assertThat(opened.json()).containsEntry("path", path).containsEntry("size", (long) CONTENT.length);
        String session = session(opened);
        assertThat(session).matches("/api/files/upload\\?uploadType=resumable&upload_id=[A-Za-z0-9_-]{32,}");

        Reply last = null;
        for (int from = 0; from < CONTENT.length; from += MIB) {
            int to = Math.min(from + MIB, CONTENT.length);
            last = chunk(user, session, from, to);
            if (to < CONTENT.length) {
                assertThat(last.status()).as("%s", last).isEqualTo(308);
                assertThat(last.header("Range")).contains("bytes=0-" + (to - 1));
            }
        }
        assertThat(last.status()).as("%s", last).isEqualTo(201);
        assertThat(last.json())
                .containsEntry("path", path)
                .containsEntry("size", (long) CONTENT.length)
                .containsEntry("sha256", sha256(CONTENT))
                .containsEntry("revision", 2L);
        assertThat(user.download(path).body()).isEqualTo(CONTENT);
    }

    @Test
    void interruptedUploadResumesFromTheAcknowledgedOffsetAfterAStatusQuery() {
        String path = root + "/resumed.bin";
        String session = session(start(user, path, CONTENT.length, null));
        assertThat(status(user, session).status()).isEqualTo(308);
        assertThat(status(user, session).header("Range")).isEmpty();
        chunk(user, session, 0, MIB);
        chunk(user, session, MIB, 2 * MIB);

        Reply query = status(user, session);
        assertThat(query.status()).as("%s", query).isEqualTo(308);
        assertThat(query.header("Range")).contains("bytes=0-" + (2 * MIB - 1));
        long next = Long.parseLong(query.header("Range").orElseThrow().replaceAll(".*-", "")) + 1;

        Reply done = chunk(user, session, (int) next, CONTENT.length);
        assertThat(done.status()).as("%s", done).isEqualTo(201);
        assertThat(done.json()).containsEntry("revision", 1L).containsEntry("sha256", sha256(CONTENT));
        assertThat(user.download(path).body()).isEqualTo(CONTENT);

        Reply after = status(user, session);
        assertThat(after.status()).as("%s", after).isEqualTo(200);
        assertThat(after.json()).containsEntry("path", path).containsEntry("revision", 1L);
    }

    /**
     * A page reloaded (or a connection dropped) while the last chunk was committing asks the session
     * how far it got. Those status queries see every byte received; they must wait for that commit and
     * answer with its file, not commit the same bytes a second time (a duplicate revision, or a 409).
     */
    @Test
    void statusQueriesDuringTheLastChunksCommitWaitForItInsteadOfCommittingAgain() throws Exception {
        byte[] content = randomBytes(24 * MIB); // its commit (staging, block processing) takes a while
        String path = root + "/overlapped.bin";
        String session = session(start(user, path, content.length, null));
        assertThat(chunk(user, session, content, 0, 16 * MIB).status()).isEqualTo(308);
        CompletableFuture<Reply> last =
                CompletableFuture.supplyAsync(() -> chunk(user, session, content, 16 * MIB, content.length));
        List<Reply> queries = new ArrayList<>();
        boolean overlapped = false; // a query sent before the last chunk was answered found every byte there
        while (!last.isDone() || queries.isEmpty()) {
            boolean sentBeforeTheAnswer = !last.isDone();
            Reply query = user.send("PUT", session, null, "Content-Range", "bytes */" + content.length);
            queries.add(query);
            overlapped |= sentBeforeTheAnswer
                    && (query.status() == 200
                            || query.header("Range").orElse("").equals("bytes=0-" + (content.length - 1)));
        }
        Reply done = last.get(60, TimeUnit.SECONDS);
        assertThat(done.status()).as("%s", done).isEqualTo(201);
        assertThat(done.json()).containsEntry("revision", 1L);
        assertThat(overlapped)
                .as("a status query overlapped the commit: %s", queries)
                .isTrue();
        for (Reply query : queries) {
            assertThat(query.status()).as("%s", query).isIn(200, 308);
            if (query.status() == 200) {
                assertThat(query.json()).containsEntry("revision", 1L);
            }
        }
        assertThat(user.revisions(path).jsonList()).as("revisions").hasSize(1);
        assertThat(user.download(path).body()).isEqualTo(content);
    }

    @Test
    void chunkNotAtTheAcknowledgedOffsetAnswersTheCurrentRange() {
        String session = session(start(user, root + "/offset.bin", CONTENT.length, null));
        Reply early = chunk(user, session, 256 * 1024, 512 * 1024);
        assertThat(early.status()).as("%s", early).isEqualTo(308);
        assertThat(early.header("Range")).isEmpty();

        chunk(user, session, 0, MIB);
        Reply gap = chunk(user, session, 2 * MIB, 3 * MIB);
        assertThat(gap.status()).as("%s", gap).isEqualTo(308);
        assertThat(gap.header("Range")).contains("bytes=0-" + (MIB - 1));
        Reply again = chunk(user, session, 0, MIB);
        assertThat(again.header("Range")).contains("bytes=0-" + (MIB - 1));
    }

    @Test
    void chunkThatIsNotAMultipleOf256KiBIsRefused() {
        String session = session(start(user, root + "/odd.bin", CONTENT.length, null));
        chunk(user, session, 0, 1000).assertError(400, "invalid_request");
        assertThat(status(user, session).header("Range")).isEmpty();
    }

    @Test
    void malformedOrForeignRangesAre416() {
        String session = session(start(user, root + "/ranges.bin", CONTENT.length, null));
        put(user, session, new byte[10], "bytes 0-9").assertError(416, "invalid_range");
        put(user, session, new byte[10], "bytes 9-0/" + CONTENT.length).assertError(416, "invalid_range");
        put(user, session, new byte[10], "bytes 0-9/10").assertError(416, "invalid_range");
    }

    @Test
    void totalOverTheLimitIs413BeforeAnyData() {
        Reply reply = start(user, root + "/huge.bin", 10L * 1024 * MIB + 1, null);
        reply.assertError(413, "too_large");
        assertThat(reply.header("Location")).isEmpty();
        start(user, "/", 10, null).assertError(400, "invalid_request");
        start(user, root + "/a/../b.bin", 10, null).assertError(400, "invalid_request");
    }

    @Test
    void hashMismatchIs422AndCommitsNothing() {
        String fresh = root + "/mismatch-new.bin";
        String session = session(start(user, fresh, CONTENT.length, sha256(new byte[1])));
        chunk(user, session, 0, 3 * MIB);
        chunk(user, session, 3 * MIB, CONTENT.length).assertError(422, "unprocessable");
        user.info(fresh).assertError(404, "not_found");
        status(user, session).assertError(404, "not_found");

        String existing = root + "/mismatch-existing.bin";
        byte[] before = randomBytes(5000);
        user.upload(existing, before);
        byte[] small = Arrays.copyOf(CONTENT, 1000);
        String second = session(start(user, existing, small.length, sha256(before)));
        chunk(user, second, small, 0, small.length).assertError(422, "unprocessable");
        assertThat(user.info(existing).json()).containsEntry("revision", 1L).containsEntry("sha256", sha256(before));
    }

    @Test
    void cancelledSessionIsGone() {
        String session = session(start(user, root + "/cancelled.bin", CONTENT.length, null));
        chunk(user, session, 0, MIB);
        assertThat(user.send("DELETE", session, null).status()).isEqualTo(204);
        chunk(user, session, MIB, 2 * MIB).assertError(404, "not_found");
        user.send("DELETE", session, null).assertError(404, "not_found");
        user.info(root + "/cancelled.bin").assertError(404, "not_found");
    }

    @Test
    void anotherUsersSessionIsNotFound() {
        String session = session(start(user, root + "/mine.bin", CONTENT.length, null));
        DriveClient stranger = DriveClient.newUser();
        chunk(stranger, session, 0, MIB).assertError(404, "not_found");
        status(stranger, session).assertError(404, "not_found");
        stranger.send("DELETE", session, null).assertError(404, "not_found");
        assertThat(chunk(user, session, 0, MIB).status()).isEqualTo(308);
        user.send(
                        "PUT",
                        "/api/files/upload?uploadType=resumable&upload_id=nosuchsession0000000",
                        null,
                        "Content-Range",
                        "bytes */10")
                .assertError(404, "not_found");
    }

    private static Reply start(DriveClient client, String path, long size, String sha) {
        String json = sha == null ? Json.object("path", path) : Json.object("path", path, "sha256", sha);
        return client.postJson(
                "/api/files/upload?uploadType=resumable",
                json,
                "X-Upload-Content-Length",
                String.valueOf(size),
                "X-Upload-Content-Type",
                "application/octet-stream");
    }

    /** The session URI of an opening answer, as path and query. */
    private static String session(Reply opened) {
        assertThat(opened.status()).as("%s", opened).isEqualTo(200);
        URI location = URI.create(opened.header("Location").orElseThrow());
        return location.getRawPath() + "?" + location.getRawQuery();
    }

    private static Reply chunk(DriveClient client, String session, int from, int to) {
        return chunk(client, session, CONTENT, from, to);
    }

    private static Reply chunk(DriveClient client, String session, byte[] content, int from, int to) {
        String range = "bytes " + from + "-" + (to - 1) + "/" + content.length;
        return put(client, session, Arrays.copyOfRange(content, from, to), range);
    }

    private static Reply put(DriveClient client, String session, byte[] body, String range) {
        return client.send("PUT", session, body, "Content-Type", "application/octet-stream", "Content-Range", range);
    }

    private static Reply status(DriveClient client, String session) {
        return client.send("PUT", session, null, "Content-Range", "bytes */" + CONTENT.length);
    }
}
