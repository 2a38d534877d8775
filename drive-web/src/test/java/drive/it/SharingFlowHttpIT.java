package drive.it;

import static drive.it.DriveClient.q;
import static drive.it.DriveClient.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import drive.it.DriveClient.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The "done when" flow over HTTP, and the notification center: A shares a folder with B as
 * editor; B's long poll answers and B is notified; B adds it to their drive and edits; A's long poll
 * answers, A is notified and sees B's revision; A downgrades B to viewer (B's next write: 403) and
 * revokes (B: 404 at once). Then coalescing, paging, read marks, preferences and offline delivery.
 */
class SharingFlowHttpIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void shareEditDowngradeRevoke() throws Exception {
        DriveClient a = DriveClient.newUser();
        DriveClient b = DriveClient.newUser();
        String folder = "/" + DriveClient.unique("flow");
        String file = folder + "/plan.txt";
        ok(a.upload(file, "v1".getBytes(StandardCharsets.UTF_8)));

        String bCursor = cursor(b);
        CompletableFuture<Reply> bPoll = poll(b, bCursor);
        Reply shared = a.postJson("/api/shares", Json.object("path", folder, "user", b.username, "role", "editor"));
        assertThat(shared.status()).as("%s", shared).isEqualTo(201);
        long share = (Long) shared.json().get("id");
        assertThat(bPoll.get(WAIT.toSeconds(), TimeUnit.SECONDS).json()).containsEntry("changes", true);
        Map<String, Object> told = awaitNotification(b, n -> "shared".equals(n.get("kind")));
        assertThat(told).containsEntry("name", folder.substring(1)).containsEntry("actor", a.username);
        assertThat(kinds(b.get("/api/changes?cursor=" + q(bCursor)))).contains("notification");

        assertThat(b.get("/api/shares/incoming").jsonList())
                .extracting(s -> s.get("id"))
                .contains(share);
        Reply mounted = b.postJson("/api/shares/" + share + "/mount", "");
        assertThat(mounted.json()).containsEntry("mountedAt", folder);
        assertThat(b.list("/").entries()).extracting(e -> e.get("path")).contains(folder);
        assertThat(b.download(file).text()).isEqualTo("v1");

        CompletableFuture<Reply> aPoll = poll(a, cursor(a));
        Reply edited = b.upload(file, "v2 by b".getBytes(StandardCharsets.UTF_8));
        assertThat(edited.status()).as("%s", edited).isEqualTo(201);
        assertThat(aPoll.get(WAIT.toSeconds(), TimeUnit.SECONDS).json()).containsEntry("changes", true);
        Map<String, Object> editedNote = awaitNotification(a, n -> "edited".equals(n.get("kind")));
        assertThat(editedNote).containsEntry("path", file).containsEntry("actor", b.username);
        assertThat(a.download(file).text()).isEqualTo("v2 by b");
        assertThat(a.revisions(file).jsonList().get(0))
                .containsEntry("revision", 2L)
                .containsEntry("user", b.username);

        Reply downgraded = a.send(
                "PUT",
                "/api/shares/" + share,
                "{\"role\":\"viewer\"}".getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/json");
        assertThat(downgraded.json()).containsEntry("role", "viewer");
        b.upload(file, "v3".getBytes(StandardCharsets.UTF_8)).assertError(403, "forbidden");
        assertThat(b.download(file).text()).as("a viewer still reads").isEqualTo("v2 by b");

        Reply revoked = a.send("DELETE", "/api/shares/" + share, null);
        assertThat(revoked.status()).isEqualTo(204);
        b.download(file).assertError(404, "not_found");
        b.list(folder).assertError(404, "not_found");
        assertThat(b.get("/api/shares/incoming").jsonList()).isEmpty();
        ok(b.upload(file, "v4".getBytes(StandardCharsets.UTF_8))); // now a file of B's own drive
        assertThat(a.download(file).text()).isEqualTo("v2 by b");
    }

    @Test
    void editsAreCoalescedAndNotificationsPageAndMarkRead() throws Exception {
        DriveClient a = DriveClient.newUser();
        DriveClient b = DriveClient.newUser();
        String folder = "/" + DriveClient.unique("noisy");
        ok(a.upload(folder + "/log.txt", randomBytes(10)));
        long share = shareAndMount(a, b, folder, "editor");
        for (int i = 0; i < 12; i++) {
            ok(b.upload(folder + "/log.txt", randomBytes(10 + i)));
        }
        Map<String, Object> note =
                awaitNotification(a, n -> "edited".equals(n.get("kind")) && ((Long) n.get("times")) == 12);
        assertThat(note.get("text")).isEqualTo("log.txt edited 12 times by " + b.username);
        assertThat(a.get("/api/notifications").json().get("notifications"))
                .asList()
                .filteredOn(n -> "edited".equals(((Map<?, ?>) n).get("kind")))
                .hasSize(1);

        ok(b.postJson("/api/files/delete", Json.object("path", folder + "/log.txt")));
        awaitNotification(a, n -> "deleted".equals(n.get("kind")));
        ok(b.postJson("/api/files/undelete", Json.object("path", folder + "/log.txt")));
        awaitNotification(a, n -> "restored".equals(n.get("kind")));

        Reply first = a.get("/api/notifications?limit=1");
        assertThat(first.json().get("unread")).isEqualTo(3L);
        List<?> page = (List<?>) first.json().get("notifications");
        assertThat(page).hasSize(1);
        Long next = (Long) first.json().get("next");
        assertThat(next).isNotNull();
        Reply second = a.get("/api/notifications?limit=1&before=" + next);
        assertThat((List<?>) second.json().get("notifications")).hasSize(1);
        assertThat(((Map<?, ?>) ((List<?>) second.json().get("notifications")).get(0)).get("id"))
                .isNotEqualTo(((Map<?, ?>) page.get(0)).get("id"));

        long id = (Long) ((Map<?, ?>) page.get(0)).get("id");
        b.postJson("/api/notifications/" + id + "/read", "").assertError(404, "not_found");
        Reply read = a.postJson("/api/notifications/" + id + "/read", "");
        assertThat(read.json()).containsEntry("read", true);
        assertThat(a.get("/api/notifications/unread_count").json()).containsEntry("unread", 2L);
        assertThat(a.postJson("/api/notifications/read_all", "").json()).containsEntry("marked", 2L);
        assertThat(a.get("/api/notifications/unread_count").json()).containsEntry("unread", 0L);
        assertThat(a.get("/api/notifications?unread=true").json().get("notifications"))
                .asList()
                .isEmpty();
        a.get("/api/notifications?limit=0").assertError(400, "invalid_request");
        assertThat(share).isPositive();
    }

    @Test
    void mutedKindsAreNotNotifiedAndOfflineDevicesGetNotifications() throws Exception {
        DriveClient a = DriveClient.newUser();
        DriveClient b = DriveClient.newUser();
        String folder = "/" + DriveClient.unique("prefs");
        ok(a.upload(folder + "/x.txt", randomBytes(10)));
        shareAndMount(a, b, folder, "editor");
        Reply registered = a.postJson("/api/devices", Json.object("name", "a-phone", "kind", "test"));
        DriveClient phone = DriveClient.bearer((String) registered.json().get("token"));

        Reply prefs = a.send(
                "PUT",
                "/api/notifications/preferences",
                "{\"muted\":[\"edited\"],\"emailDigest\":true}".getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/json");
        assertThat(prefs.status()).as("%s", prefs).isEqualTo(200);
        assertThat(a.get("/api/notifications/preferences").json())
                .containsEntry("muted", List.of("edited"))
                .containsEntry("emailDigest", true);
        a.send(
                        "PUT",
                        "/api/notifications/preferences",
                        "{\"muted\":[\"gossip\"]}".getBytes(StandardCharsets.UTF_8),
                        "Content-Type",
                        "application/json")
                .assertError(400, "invalid_request");

        ok(b.upload(folder + "/x.txt", randomBytes(20)));
        ok(b.postJson("/api/files/delete", Json.object("path", folder + "/x.txt")));
        awaitNotification(a, n -> "deleted".equals(n.get("kind")));
        assertThat(a.get("/api/notifications").json().get("notifications"))
                .asList()
                .noneMatch(n -> "edited".equals(((Map<?, ?>) n).get("kind")));

        Reply events = phone.get("/api/devices/me/events?limit=1000");
        assertThat(events.status()).as("%s", events).isEqualTo(200);
        assertThat((List<?>) events.json().get("events"))
                .as("the offline queue of A's device carries the notification")
                .anyMatch(e -> "notification".equals(((Map<?, ?>) e).get("kind")));
    }

    private static long shareAndMount(DriveClient owner, DriveClient to, String folder, String role) {
        Reply shared = owner.postJson("/api/shares", Json.object("path", folder, "user", to.username, "role", role));
        assertThat(shared.status()).as("%s", shared).isEqualTo(201);
        long id = (Long) shared.json().get("id");
        assertThat(to.postJson("/api/shares/" + id + "/mount", "").status()).isEqualTo(200);
        return id;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> awaitNotification(DriveClient user, Predicate<Map<String, Object>> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Reply list = user.get("/api/notifications?limit=100");
            assertThat(list.status()).as("%s", list).isEqualTo(200);
            for (Map<String, Object> n : (List<Map<String, Object>>) list.json().get("notifications")) {
                if (wanted.test(n)) {
                    return n;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such notification within " + WAIT + ": " + list);
            }
            Thread.sleep(200);
        }
    }

    private static CompletableFuture<Reply> poll(DriveClient user, String cursor) {
        return CompletableFuture.supplyAsync(
                () -> user.getWithin(Duration.ofSeconds(60), "/api/changes/longpoll?timeout=30&cursor=" + q(cursor)));
    }

    private static String cursor(DriveClient user) {
        return (String) user.get("/api/changes/latest_cursor").json().get("cursor");
    }

    @SuppressWarnings("unchecked")
    private static List<String> kinds(Reply changes) {
        return ((List<Map<String, Object>>) changes.json().get("entries"))
                .stream().map(e -> (String) e.get("kind")).toList();
    }

    private static Reply ok(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isBetween(200, 299);
        return reply;
    }
}
