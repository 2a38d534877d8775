package drive.it;

import static drive.it.DriveClient.q;
import static drive.it.DriveClient.randomBytes;
import static drive.it.DriveClient.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import drive.it.DriveClient.Reply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sync (issue 5, parts 2, 3 and 5): the change journal read by cursor, long polls that a commit
 * answers at once, and the brief's upload flow between two devices of one user — the second learns
 * "pending" and "uploaded", then fetches only the blocks it lacks.
 */
class ChangesHttpIT {

    private static final Duration POLL_WAIT = Duration.ofSeconds(90);

    @Test
    void uploadOnOneDeviceWakesTheOtherWhichFetchesOnlyTheBlocksItLacks() throws Exception {
        DriveClient user = DriveClient.newUser();
        DriveClient laptop = device(user, "laptop");
        DriveClient phone = device(user, "phone");
        String path = "/" + DriveClient.unique("sync") + "/movie.bin";
        byte[] v1 = randomBytes(6_000_000);
        assertThat(laptop.upload(path, v1).status()).isEqualTo(201);
        Map<String, byte[]> phoneHolds = new HashMap<>();
        for (Map<String, Object> block : blocks(phone, path, 1)) {
            phoneHolds.put((String) block.get("sha256"), fetchBlock(phone, (String) block.get("sha256")));
        }
        String cursor = latestCursor(phone);
        CompletableFuture<Reply> poll = CompletableFuture.supplyAsync(
                () -> phone.getWithin(POLL_WAIT, "/api/changes/longpoll?cursor=" + q(cursor) + "&timeout=120"));
        Thread.sleep(1000); // the poll is waiting (had it not been yet, it would answer at once all the same)
        assertThat(poll).isNotDone();

        byte[] v2 = v1.clone();
        System.arraycopy(randomBytes(50_000), 0, v2, v2.length - 50_000, 50_000);
        assertThat(laptop.upload(path, v2).status()).isEqualTo(201);

        Reply answer = poll.get(30, TimeUnit.SECONDS);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json()).containsEntry("changes", true);
        List<Map<String, Object>> entries = changes(phone, cursor, 100);
        assertThat(entries).extracting(e -> e.get("kind")).containsExactly("pending", "uploaded");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e).containsEntry("path", path).containsEntry("device", "laptop");
            assertThat(e).containsEntry("user", user.username).containsEntry("sha256", sha256(v2));
            assertThat(e).containsEntry("size", (long) v2.length).containsEntry("folder", false);
        });
        assertThat(entries.get(1)).containsEntry("revision", 2L);
        assertThat((Long) entries.get(1).get("seq"))
                .isEqualTo((Long) entries.get(0).get("seq") + 1);

        List<Map<String, Object>> v2Blocks = blocks(phone, path, 2);
        int fetched = 0;
        ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
        for (Map<String, Object> block : v2Blocks) {
            String hash = (String) block.get("sha256");
            if (!phoneHolds.containsKey(hash)) {
                phoneHolds.put(hash, fetchBlock(phone, hash));
                fetched++;
            }
            rebuilt.write(phoneHolds.get(hash));
        }
        assertThat(rebuilt.toByteArray()).isEqualTo(v2);
        assertThat(fetched).as("blocks fetched of %s", v2Blocks.size()).isBetween(1, v2Blocks.size() - 1);
    }

    @Test
    void pollWithoutChangesTimesOutWithChangesFalseAndABackoff() {
        DriveClient user = DriveClient.newUser();
        String cursor = latestCursor(user);

        long start = System.nanoTime();
        Reply answer = user.getWithin(POLL_WAIT, "/api/changes/longpoll?cursor=" + q(cursor) + "&timeout=30");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json()).containsEntry("changes", false);
        assertThat((Long) answer.json().get("backoff")).isPositive();
        assertThat(seconds).as("waited (timeout 30 s, up to 10%% earlier)").isBetween(26L, 40L);
    }

    @Test
    void everyKindOfChangeIsJournaledInCommitOrder() {
        DriveClient user = DriveClient.newUser();
        String cursor = latestCursor(user);
        byte[] text = "first words".getBytes(StandardCharsets.UTF_8);

        created(user.postJson("/api/files/create_folder", Json.object("path", "/k/docs")));
        created(user.upload("/k/docs/a.txt", text));
        ok(user.postJson("/api/files/move", Json.object("from", "/k/docs", "to", "/k/papers")));
        created(user.upload("/k/papers/a.txt", "second".getBytes(StandardCharsets.UTF_8)));
        ok(user.postJson("/api/files/restore", "{\"path\":\"/k/papers/a.txt\",\"revision\":1}"));
        ok(user.postJson("/api/files/delete", Json.object("path", "/k/papers")));
        ok(user.postJson("/api/files/undelete", Json.object("path", "/k/papers")));
        created(user.postJson("/api/files/copy", Json.object("from", "/k/papers", "to", "/k/copy")));
        DeltaClient delta = new DeltaClient(user);
        created(delta.sync("/k/new.bin", randomBytes(1000)));
        created(delta.sync("/k/new.bin", randomBytes(1000)));

        List<Map<String, Object>> entries = changes(user, cursor, 100);
        assertThat(entries)
                .extracting(e -> e.get("kind") + " " + e.get("path")
                        + (e.containsKey("previousPath") ? " < " + e.get("previousPath") : ""))
                .containsExactly(
                        "folder_created /k/docs",
                        "pending /k/docs/a.txt",
                        "uploaded /k/docs/a.txt",
                        "moved /k/papers < /k/docs",
                        "moved /k/papers/a.txt < /k/docs/a.txt",
                        "pending /k/papers/a.txt",
                        "uploaded /k/papers/a.txt",
                        "restored /k/papers/a.txt",
                        "deleted /k/papers",
                        "deleted /k/papers/a.txt",
                        "undeleted /k/papers",
                        "undeleted /k/papers/a.txt",
                        "folder_created /k/copy",
                        "added /k/copy/a.txt",
                        "added /k/new.bin",
                        "modified /k/new.bin");
        assertThat(entries.get(7)).containsEntry("revision", 3L).containsEntry("sha256", sha256(text));
        assertThat(entries.get(0)).containsEntry("folder", true).doesNotContainKey("revision");
        assertThat(entries).extracting(e -> e.get("user")).containsOnly(user.username);
        assertThat(entries).allSatisfy(e -> assertThat(e).containsKey("time").doesNotContainKey("device"));
        List<Long> seqs = entries.stream().map(e -> (Long) e.get("seq")).toList();
        assertThat(seqs).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        assertThat(seqs.get(seqs.size() - 1) - seqs.get(0)).isEqualTo(seqs.size() - 1);
    }

    @Test
    void pagesFollowEachOtherAndCursorsAreStable() {
        DriveClient user = DriveClient.newUser();
        String start = latestCursor(user);
        for (int i = 0; i < 5; i++) {
            created(user.postJson("/api/files/create_folder", Json.object("path", "/page-" + i)));
        }

        List<Object> paths = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        String cursor = start;
        do {
            Map<String, Object> page = page(user, cursor, 2);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) page.get("entries");
            entries.forEach(e -> paths.add(e.get("path")));
            more.add((Boolean) page.get("hasMore"));
            cursor = (String) page.get("cursor");
        } while (more.get(more.size() - 1));

        assertThat(paths).containsExactly("/page-0", "/page-1", "/page-2", "/page-3", "/page-4");
        assertThat(more).containsExactly(true, true, false);
        assertThat(cursor).isEqualTo(latestCursor(user));
        assertThat((List<?>) page(user, cursor, 2).get("entries")).isEmpty();
        assertThat(page(user, start, 2))
                .as("the same cursor reads the same entries")
                .isEqualTo(page(user, start, 2));
        assertThat((List<?>) user.get("/api/changes?cursor=" + q(start)).json().get("entries"))
                .hasSize(5);
    }

    @Test
    void pollsOfSessionBasicAndDeviceClientsAreAllWoken() throws Exception {
        DriveClient user = DriveClient.newUser();
        DriveClient browser = DriveClient.browser();
        assertThat(browser.login(user.username, DriveClient.PASSWORD).status()).isEqualTo(200);
        DriveClient laptop = device(user, "laptop");
        String cursor = latestCursor(user);
        List<CompletableFuture<Reply>> polls = new ArrayList<>();
        for (DriveClient client : List.of(browser, user, laptop)) {
            polls.add(CompletableFuture.supplyAsync(
                    () -> client.getWithin(POLL_WAIT, "/api/changes/longpoll?timeout=60&cursor=" + q(cursor))));
        }
        Thread.sleep(500);

        created(laptop.postJson("/api/files/create_folder", Json.object("path", "/from-the-laptop")));

        for (CompletableFuture<Reply> poll : polls) {
            Reply answer = poll.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(answer.json()).containsEntry("changes", true);
        }
        Map<String, Object> seen = user.get("/api/devices").jsonList().stream()
                .filter(d -> "laptop".equals(d.get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(seen.get("lastSeen"))
                .as("the device's last poll is recorded")
                .isNotNull();
    }

    @Test
    void pollWithAChangeAlreadyAfterItsCursorAnswersAtOnce() {
        DriveClient user = DriveClient.newUser();
        String cursor = latestCursor(user);
        created(user.postJson("/api/files/create_folder", Json.object("path", "/earlier")));

        long start = System.nanoTime();
        Reply answer = user.getWithin(POLL_WAIT, "/api/changes/longpoll?cursor=" + q(cursor));

        assertThat(answer.json()).containsEntry("changes", true);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void badCursorsTimeoutsAndLimitsAre400AndForeignCursorsLeakNothing() {
        DriveClient user = DriveClient.newUser();
        DriveClient other = DriveClient.newUser();
        String mine = latestCursor(user);
        String foreign = latestCursor(other);
        String plain = new String(Base64.getUrlDecoder().decode(mine), StandardCharsets.US_ASCII);
        String beyondTheEnd = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.replaceAll(":\\d+$", ":99999").getBytes(StandardCharsets.US_ASCII));

        for (String cursor : List.of("garbage", "", foreign, beyondTheEnd, "YzEuMTox")) {
            user.get("/api/changes?cursor=" + q(cursor)).assertError(400, "invalid_request");
            user.get("/api/changes/longpoll?cursor=" + q(cursor)).assertError(400, "invalid_request");
        }
        String foreignAnswer = user.get("/api/changes?cursor=" + q(foreign)).text();
        assertThat(foreignAnswer)
                .isEqualTo(user.get("/api/changes?cursor=garbage").text());
        user.get("/api/changes").assertError(400, "invalid_request");
        for (String timeout : List.of("10", "29", "481", "abc", "-5")) {
            user.get("/api/changes/longpoll?timeout=" + timeout + "&cursor=" + q(mine))
                    .assertError(400, "invalid_request");
        }
        for (String limit : List.of("0", "2001", "x")) {
            user.get("/api/changes?limit=" + limit + "&cursor=" + q(mine)).assertError(400, "invalid_request");
        }
        assertThat(user.get("/api/changes?limit=2000&cursor=" + q(mine)).status())
                .isEqualTo(200);
        DriveClient.anonymous().get("/api/changes/latest_cursor").assertError(401, "unauthorized");
        DriveClient.anonymous().get("/api/changes/longpoll?cursor=" + q(mine)).assertError(401, "unauthorized");
    }

    private static DriveClient device(DriveClient user, String name) {
        Reply registered = user.postJson("/api/devices", Json.object("name", name, "kind", "test"));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        return DriveClient.bearer((String) registered.json().get("token"));
    }

    private static String latestCursor(DriveClient client) {
        Reply reply = client.get("/api/changes/latest_cursor");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return (String) reply.json().get("cursor");
    }

    private static Map<String, Object> page(DriveClient client, String cursor, int limit) {
        Reply reply = client.get("/api/changes?cursor=" + q(cursor) + "&limit=" + limit);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changes(DriveClient client, String cursor, int limit) {
        Map<String, Object> page = page(client, cursor, limit);
        assertThat(page).containsEntry("hasMore", false);
        return (List<Map<String, Object>>) page.get("entries");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> blocks(DriveClient client, String path, long revision) {
        Reply reply = client.get("/api/files/blocks?path=" + q(path) + "&revision=" + revision);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return (List<Map<String, Object>>) reply.json().get("blocks");
    }

    private static byte[] fetchBlock(DriveClient client, String hash) {
        Reply reply = client.get("/api/blocks/" + hash);
        assertThat(reply.status()).as("GET block %s", hash).isEqualTo(200);
        assertThat(sha256(reply.body())).isEqualTo(hash);
        return reply.body();
    }

    private static void created(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    }
}
