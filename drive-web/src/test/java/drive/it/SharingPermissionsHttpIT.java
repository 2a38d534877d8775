package drive.it;

import static drive.it.DriveClient.q;
import static drive.it.DriveClient.randomBytes;
import static drive.it.DriveClient.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import drive.it.DriveClient.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The permission matrix of sharing: owner / editor / viewer / stranger / revoked user × every
 * endpoint that reaches a file (files, folder ZIPs, tree, blocks, revisions, delta commit, resumable upload,
 * changes, long poll, shares). Each recipient added the shared folder to their drive at the same
 * name as the owner's folder, so every user sends the very same requests; the stranger (never
 * shared with) and the revoked user (shared, added, then revoked) must get 404 for everything that
 * exists, the viewer 403 for every write. Removing any of the checks in {@code Access} turns one
 * of the cells red. Reads run first: the writes of the stranger and the revoked user create a
 * folder of the same name in their own drives.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharingPermissionsHttpIT {

    enum Who {
        OWNER,
        EDITOR,
        VIEWER,
        STRANGER,
        REVOKED
    }

    private static final Map<Who, DriveClient> users = new EnumMap<>(Who.class);
    private static String folder;
    private static String doc;
    private static byte[] docContent;
    private static String privateFile;
    private static String privateBlock;
    private static String revokedOldCursor;
    private static final Map<Who, Long> shareIds = new EnumMap<>(Who.class);

    @BeforeAll
    static void sharedFolder() {
        for (Who who : Who.values()) {
            users.put(who, DriveClient.newUser());
        }
        DriveClient owner = users.get(Who.OWNER);
        folder = "/" + DriveClient.unique("shared");
        doc = folder + "/doc.txt";
        ok(owner.upload(doc, randomBytes(3000)));
        docContent = randomBytes(5000);
        ok(owner.upload(doc, docContent));
        for (Who who : Who.values()) {
            String name = who.name().toLowerCase();
            ok(owner.upload(folder + "/m-" + name + ".txt", randomBytes(100)));
            ok(owner.upload(folder + "/d-" + name + ".txt", randomBytes(100)));
            ok(owner.upload(folder + "/u-" + name + ".txt", randomBytes(100)));
            ok(owner.postJson("/api/files/delete", Json.object("path", folder + "/u-" + name + ".txt")));
        }
        privateFile = "/" + DriveClient.unique("private") + ".txt";
        byte[] secret = randomBytes(2000);
        ok(owner.upload(privateFile, secret));
        privateBlock = sha256(secret);
        share(Who.EDITOR, "editor");
        share(Who.VIEWER, "viewer");
        share(Who.REVOKED, "editor");
        revokedOldCursor = cursor(Who.REVOKED);
        Reply revoked = owner.send("DELETE", "/api/shares/" + shareIds.get(Who.REVOKED), null);
        assertThat(revoked.status()).as("%s", revoked).isEqualTo(204);
    }

    private static void share(Who who, String role) {
        Reply shared = users.get(Who.OWNER)
                .postJson("/api/shares", Json.object("path", folder, "user", users.get(who).username, "role", role));
        assertThat(shared.status()).as("%s", shared).isEqualTo(201);
        long id = (Long) shared.json().get("id");
        shareIds.put(who, id);
        Reply mounted = users.get(who).postJson("/api/shares/" + id + "/mount", "");
        assertThat(mounted.status()).as("%s", mounted).isEqualTo(200);
        assertThat(mounted.json()).containsEntry("mountedAt", folder);
    }

    @AfterAll
    static void done() {
        users.clear();
    }

    @Test
    @Order(1)
    void readsAreForOwnerEditorAndViewerOnly() {
        String block = (String) ((Map<?, ?>) ((List<?>) users.get(Who.OWNER)
                                .get("/api/files/blocks?path=" + q(doc))
                                .json()
                                .get("blocks"))
                        .get(0))
                .get("sha256");
        Matrix m = new Matrix();
        m.expect("GET files/list", u -> u.list(folder), 200, 200, 200, 404, 404);
        m.expect("GET files/info", u -> u.info(doc), 200, 200, 200, 404, 404);
        m.expect("GET files/download", u -> u.download(doc), 200, 200, 200, 404, 404);
        m.expect(
                "GET files/download_zip",
                u -> u.get("/api/files/download_zip?path=" + q(folder)),
                200,
                200,
                200,
                404,
                404);
        m.expect(
                "GET files/download?revision=1",
                u -> u.get("/api/files/download?revision=1&path=" + q(doc)),
                200,
                200,
                200,
                404,
                404);
        m.expect("GET files/list_revisions", u -> u.revisions(doc), 200, 200, 200, 404, 404);
        m.expect("GET files/blocks", u -> u.get("/api/files/blocks?path=" + q(doc)), 200, 200, 200, 404, 404);
        m.expect(
                "GET blocks/{sha}?path",
                u -> u.get("/api/blocks/" + block + "?path=" + q(doc)),
                200,
                200,
                200,
                404,
                404);
        m.expect("GET blocks/{sha} (own drive)", u -> u.get("/api/blocks/" + block), 200, 404, 404, 404, 404);
        m.expect(
                "GET blocks/{sha of a file outside the share}?path",
                u -> u.get("/api/blocks/" + privateBlock + "?path=" + q(doc)),
                200,
                404,
                404,
                404,
                404);
        m.expect("GET files/info outside the share", u -> u.info(privateFile), 200, 404, 404, 404, 404);
        m.expect(
                "GET files/list_deleted",
                u -> u.get("/api/files/list_deleted?path=" + q(folder)),
                200,
                200,
                200,
                404,
                404);
        m.expect("GET shares?path", u -> u.get("/api/shares?path=" + q(folder)), 200, 200, 200, 404, 404);
        m.verify();
        Reply download = users.get(Who.VIEWER).download(doc);
        assertThat(download.body()).as("the viewer reads the owner's bytes").isEqualTo(docContent);
    }

    @Test
    @Order(4)
    void writesAreForOwnerAndEditorOnly() {
        byte[] block = randomBytes(1000);
        String blockSha = sha256(block);
        Matrix m = new Matrix();
        m.expect(
                "POST files/restore",
                u -> u.postJson("/api/files/restore", "{\"path\":\"" + doc + "\",\"revision\":1}"),
                200,
                200,
                403,
                404,
                404);
        m.expect(
                "POST files/upload (new revision)",
                u -> u.upload(doc, ("rev by " + u.username).getBytes(StandardCharsets.UTF_8)),
                201,
                201,
                403,
                201,
                201);
        m.expect(
                "POST files/move",
                u -> u.postJson("/api/files/move", Json.object("from", own(u, "m"), "to", own(u, "m") + ".moved")),
                200,
                200,
                403,
                404,
                404);
        m.expect(
                "POST files/copy",
                u -> u.postJson(
                        "/api/files/copy",
                        Json.object(
                                "from",
                                own(u, "m") + (u == users.get(Who.OWNER) || u == users.get(Who.EDITOR) ? ".moved" : ""),
                                "to",
                                own(u, "c"))),
                201,
                201,
                403,
                404,
                404);
        m.expect(
                "POST files/delete",
                u -> u.postJson("/api/files/delete", Json.object("path", own(u, "d"))),
                200,
                200,
                403,
                404,
                404);
        m.expect(
                "POST files/undelete",
                u -> u.postJson("/api/files/undelete", Json.object("path", own(u, "u"))),
                200,
                200,
                403,
                404,
                404);
        m.expect(
                "POST files/create_folder",
                u -> u.postJson("/api/files/create_folder", Json.object("path", own(u, "dir"))),
                201,
                201,
                403,
                201,
                201);
        m.expect(
                "PUT blocks/{sha}?path",
                u -> u.send("PUT", "/api/blocks/" + blockSha + "?path=" + q(doc), block),
                201,
                200,
                403,
                201,
                201);
        m.expect(
                "POST files/commit",
                u -> u.postJson(
                        "/api/files/commit",
                        "{\"path\":\"" + doc + "\",\"size\":1000,\"blocks\":[\"" + blockSha + "\"]}"),
                201,
                201,
                403,
                201,
                201);
        m.expect(
                "POST files/upload?uploadType=resumable",
                u -> u.send(
                        "POST",
                        "/api/files/upload?uploadType=resumable",
                        Json.object("path", own(u, "r")).getBytes(StandardCharsets.UTF_8),
                        "Content-Type",
                        "application/json",
                        "X-Upload-Content-Length",
                        "10"),
                200,
                200,
                403,
                200,
                200);
        m.verify();
        for (Who who : List.of(Who.EDITOR, Who.VIEWER)) { // the shared folder itself is the owner's to move or delete
            users.get(who)
                    .postJson("/api/files/delete", Json.object("path", folder))
                    .assertError(403, "forbidden");
            users.get(who)
                    .postJson("/api/files/move", Json.object("from", folder, "to", folder + "-mine"))
                    .assertError(403, "forbidden");
        }

        // what strangers and the revoked user created went to their own drives, not into the shared folder
        List<String> names = users.get(Who.OWNER).list(folder).entries().stream()
                .map(e -> (String) e.get("name"))
                .toList();
        assertThat(names).contains("c-owner.txt", "c-editor.txt", "dir-owner.txt", "dir-editor.txt");
        assertThat(names).noneMatch(n -> n.contains("viewer") && (n.startsWith("c-") || n.startsWith("dir-")));
        assertThat(names).noneMatch(n -> n.contains("stranger") && (n.startsWith("c-") || n.startsWith("dir-")));
        assertThat(names).noneMatch(n -> n.contains("revoked") && (n.startsWith("c-") || n.startsWith("dir-")));
        assertThat(users.get(Who.STRANGER).list(folder).entries()).isNotEmpty(); // their own folder of that name
        List<String> revisionsBy = users.get(Who.OWNER).revisions(doc).jsonList().stream()
                .map(r -> (String) r.get("user"))
                .toList();
        assertThat(revisionsBy)
                .as("editors' writes are revisions of the owner's file")
                .contains(users.get(Who.EDITOR).username)
                .doesNotContain(
                        users.get(Who.VIEWER).username,
                        users.get(Who.STRANGER).username,
                        users.get(Who.REVOKED).username);
    }

    /** A per-user path in the shared folder: {@code <folder>/<prefix>-<who>.txt}. */
    private static String own(DriveClient u, String prefix) {
        Who who = users.entrySet().stream()
                .filter(e -> e.getValue() == u)
                .findFirst()
                .orElseThrow()
                .getKey();
        return folder + "/" + prefix + "-" + who.name().toLowerCase() + ".txt";
    }

    @Test
    @Order(2)
    void changesAndLongPollsReachOnlyThoseWhoSeeTheFolder() throws Exception {
        Map<Who, String> cursors = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            cursors.put(who, cursor(who));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Who.values().length);
        try {
            Map<Who, Future<Reply>> polls = new EnumMap<>(Who.class);
            for (Who who : Who.values()) {
                polls.put(who, pool.submit(() -> users.get(who)
                        .getWithin(
                                Duration.ofSeconds(60),
                                "/api/changes/longpoll?timeout=30&cursor=" + q(cursors.get(who)))));
            }
            Thread.sleep(1500);
            ok(users.get(Who.OWNER).upload(doc, randomBytes(700)));
            ok(users.get(Who.OWNER).upload(privateFile, randomBytes(700)));
            for (Who who : Who.values()) {
                Reply poll = polls.get(who).get(60, TimeUnit.SECONDS);
                boolean sees = who == Who.OWNER || who == Who.EDITOR || who == Who.VIEWER;
                assertThat(poll.status()).as("%s: %s", who, poll).isEqualTo(200);
                assertThat(poll.json().get("changes")).as("%s: %s", who, poll).isEqualTo(sees);
            }
        } finally {
            pool.shutdownNow();
        }
        for (Who who : Who.values()) {
            Reply changes = users.get(who).get("/api/changes?cursor=" + q(cursors.get(who)));
            assertThat(changes.status()).as("%s: %s", who, changes).isEqualTo(200);
            List<String> paths = paths(changes);
            boolean sees = who == Who.OWNER || who == Who.EDITOR || who == Who.VIEWER;
            if (sees) {
                assertThat(paths).as("%s", who).contains(doc);
            } else {
                assertThat(paths).as("%s", who).doesNotContain(doc);
            }
            if (who == Who.OWNER) {
                assertThat(paths).contains(privateFile);
            } else {
                assertThat(paths)
                        .as("%s sees nothing outside the share", who)
                        .doesNotContain(privateFile)
                        .allMatch(p -> p.startsWith(folder + "/") || p.equals(folder));
            }
        }
        // the revoked user's cursor from before the revocation: told "unshared", then nothing more of the folder
        Reply old = users.get(Who.REVOKED).get("/api/changes?cursor=" + q(revokedOldCursor));
        assertThat(old.status()).as("%s", old).isEqualTo(200);
        assertThat(kinds(old)).contains("unshared");
        assertThat(paths(old)).doesNotContain(doc);
    }

    @Test
    @Order(3)
    void shareManagementBelongsToTheOwner() {
        DriveClient other = DriveClient.newUser();
        long viewerShare = shareIds.get(Who.VIEWER);
        Matrix m = new Matrix();
        m.expect(
                "POST shares (share further)",
                u -> u.postJson("/api/shares", Json.object("path", folder, "user", other.username, "role", "viewer")),
                201,
                403,
                403,
                404,
                404);
        m.expect(
                "PUT shares/{id}",
                u -> u.send(
                        "PUT",
                        "/api/shares/" + viewerShare,
                        "{\"role\":\"viewer\"}".getBytes(StandardCharsets.UTF_8),
                        "Content-Type",
                        "application/json"),
                200,
                404,
                403,
                404,
                404);
        m.expect(
                "POST shares/{id}/mount (someone else's share)",
                u -> u.postJson("/api/shares/" + viewerShare + "/mount", ""),
                404,
                404,
                200,
                404,
                404);
        m.expect(
                "POST shares/transfer",
                u -> u.postJson(
                        "/api/shares/transfer", Json.object("path", folder + "/no-such-file", "user", other.username)),
                404,
                403,
                403,
                404,
                404);
        m.verify();
        Reply incoming = other.get("/api/shares/incoming");
        assertThat(incoming.jsonList()).extracting(s -> s.get("name")).contains(folder.substring(1));
        assertThat(users.get(Who.STRANGER).get("/api/shares/incoming").jsonList())
                .isEmpty();
        assertThat(users.get(Who.REVOKED).get("/api/shares/incoming").jsonList())
                .isEmpty();
    }

    private static String cursor(Who who) {
        Reply c = users.get(who).get("/api/changes/latest_cursor");
        assertThat(c.status()).as("%s", c).isEqualTo(200);
        return (String) c.json().get("cursor");
    }

    @SuppressWarnings("unchecked")
    private static List<String> paths(Reply changes) {
        return ((List<Map<String, Object>>) changes.json().get("entries"))
                .stream().map(e -> (String) e.get("path")).toList();
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

    /** Collects every cell that differs, so one run shows the whole matrix's failures. */
    private static final class Matrix {
        private final List<String> failures = new ArrayList<>();

        void expect(String endpoint, Function<DriveClient, Reply> call, int... statuses) {
            Who[] who = Who.values();
            for (int i = 0; i < who.length; i++) {
                Reply reply = call.apply(users.get(who[i]));
                if (reply.status() != statuses[i]) {
                    failures.add(endpoint + " as " + who[i] + ": expected " + statuses[i] + ", got " + reply);
                } else if (statuses[i] >= 400
                        && !reply.header("Content-Type").orElse("").startsWith("application/json")) {
                    failures.add(endpoint + " as " + who[i] + ": error without a JSON body: " + reply);
                }
            }
        }

        void verify() {
            assertThat(failures).as("permission matrix").isEmpty();
        }
    }
}
