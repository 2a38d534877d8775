package drive.it;

import static drive.it.DriveClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import drive.it.DriveClient.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind gets its exact 4xx status with a JSON {error, message} body, never a
 * 500, and a refused upload leaves nothing behind: after each test the user's whole tree is what
 * it was before.
 */
class BadInputHttpIT {

    private static final byte[] CONTENT = "content".getBytes(StandardCharsets.UTF_8);

    private static DriveClient user;
    private static String file;
    private static String folder;
    private TreeSet<String> before;

    @BeforeAll
    static void fixtures() {
        user = DriveClient.newUser();
        folder = "/" + DriveClient.unique("fixture");
        file = folder + "/existing.txt";
        assertThat(user.upload(file, CONTENT).status()).isEqualTo(201);
    }

    @BeforeEach
    void snapshot() {
        before = tree();
    }

    @AfterEach
    void nothingWasCreated() {
        assertThat(tree()).as("the user's files after a refused request").isEqualTo(before);
    }

    /** Every path in the user's space, with its revision: what a partial write would change. */
    private static TreeSet<String> tree() {
        TreeSet<String> all = new TreeSet<>();
        walk("/", all);
        return all;
    }

    private static void walk(String path, TreeSet<String> into) {
        for (Map<String, Object> e : user.list(path).entries()) {
            into.add(e.get("path") + "@" + e.get("revision"));
            if (Boolean.TRUE.equals(e.get("folder"))) {
                walk((String) e.get("path"), into);
            }
        }
    }

    static Stream<Arguments> badPaths() {
        String longName = "n".repeat(256);
        String longUtf8Name = "é".repeat(128); // 128 characters, 256 UTF-8 bytes
        String longPath = ("/" + "d".repeat(200)).repeat(5) + "/f.txt"; // every name short, 1011+ characters
        return Stream.of(
                Arguments.of("relative", "relative.txt"),
                Arguments.of("dot-dot", "/a/../b.txt"),
                Arguments.of("leading dot-dot", "/../b.txt"),
                Arguments.of("dot", "/a/./b.txt"),
                Arguments.of("double slash", "/a//b.txt"),
                Arguments.of("NUL", "/a\u0000b.txt"),
                Arguments.of("control character", "/a\u0001b.txt"),
                Arguments.of("DEL", "/a\u007fb.txt"),
                Arguments.of("backslash", "/a\\b.txt"),
                Arguments.of("name over 255 bytes", "/" + longName),
                Arguments.of("UTF-8 name over 255 bytes", "/" + longUtf8Name),
                Arguments.of("path over 1024 characters", longPath + "/" + "x".repeat(20)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPaths")
    void badPathIsRefusedByEveryEndpoint(String label, String path) {
        assertThat(path.length() > 1024 || !label.startsWith("path")).isTrue();
        user.upload(path, CONTENT).assertError(400, "invalid_request");
        user.download(path).assertError(400, "invalid_request");
        user.info(path).assertError(400, "invalid_request");
        user.list(path).assertError(400, "invalid_request");
        user.revisions(path).assertError(400, "invalid_request");
    }

    @Test
    void missingPathIsInvalid() {
        user.send("POST", "/api/files/upload?uploadType=media", CONTENT, "Content-Type", "application/octet-stream")
                .assertError(400, "invalid_request");
        user.get("/api/files/download").assertError(400, "invalid_request");
        user.get("/api/files/info").assertError(400, "invalid_request");
        user.get("/api/files/list_revisions").assertError(400, "invalid_request");
        user.get("/api/files/download?path=").assertError(400, "invalid_request");
    }

    @Test
    void uploadToRootIsInvalid() {
        user.upload("/", CONTENT).assertError(400, "invalid_request");
    }

    @Test
    void unknownPathIsNotFound() {
        String missing = folder + "/" + DriveClient.unique("missing") + ".txt";
        user.download(missing).assertError(404, "not_found");
        user.info(missing).assertError(404, "not_found");
        user.list(missing).assertError(404, "not_found");
        user.revisions(missing).assertError(404, "not_found");
        user.list("/" + DriveClient.unique("no-folder")).assertError(404, "not_found");
    }

    @Test
    void listingAFileIsConflict() {
        user.list(file).assertError(409, "conflict");
    }

    @Test
    void downloadingAFolderIsConflict() {
        user.download(folder).assertError(409, "conflict");
    }

    @Test
    void uploadOverAFolderIsConflict() {
        user.upload(folder, CONTENT).assertError(409, "conflict");
    }

    @Test
    void badRevisionLimitIsInvalid() {
        for (String limit : List.of("abc", "0", "101", "-1", "1.5", "99999999999999999999")) {
            user.get("/api/files/list_revisions?limit=" + q(limit) + "&path=" + q(file))
                    .assertError(400, "invalid_request");
        }
        assertThat(user.get("/api/files/list_revisions?limit=100&path=" + q(file))
                        .status())
                .isEqualTo(200);
        assertThat(user.get("/api/files/list_revisions?limit=1&path=" + q(file)).status())
                .isEqualTo(200);
    }

    @Test
    void malformedRevisionIsInvalid() {
        for (String revision : List.of("abc", "-1", "1e3")) {
            user.get("/api/files/download?revision=" + q(revision) + "&path=" + q(file))
                    .assertError(400, "invalid_request");
        }
    }

    @Test
    void unknownRevisionIsNotFound() {
        user.get("/api/files/download?revision=999&path=" + q(file)).assertError(404, "not_found");
        user.get("/api/files/download?revision=0&path=" + q(file)).assertError(404, "not_found");
    }

    @Test
    void resumableUploadWithoutItsSessionRequestIsRefused() {
        String path = folder + "/" + DriveClient.unique("resumable") + ".txt";
        user.send(
                        "POST",
                        "/api/files/upload?uploadType=resumable&path=" + q(path),
                        CONTENT,
                        "Content-Type",
                        "application/octet-stream")
                .assertError(400, "invalid_request");
        user.info(path).assertError(404, "not_found");
    }

    @Test
    void wrongMethodIsNotAllowed() {
        Reply reply = user.send("DELETE", "/api/files/list?path=" + q(folder), null);
        reply.assertError(405, "method_not_allowed");
        assertThat(reply.header("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        user.send(
                        "PUT",
                        "/api/files/info?path=" + q(folder + "/put.txt"),
                        CONTENT,
                        "Content-Type",
                        "application/octet-stream")
                .assertError(405, "method_not_allowed");
    }

    @Test
    void unknownEndpointIsNotFound() {
        user.get("/api/" + DriveClient.unique("nope")).assertError(404, "not_found");
        user.get("/api/files/" + DriveClient.unique("nope") + "?path=" + q(file))
                .assertError(404, "not_found");
    }

    @Test
    void malformedJsonIsInvalid() {
        DriveClient admin = DriveClient.admin();
        admin.postJson("/api/users", "{\"username\": \"broken").assertError(400, "invalid_request");
        admin.postJson("/api/users", "[1, 2, 3]").assertError(400, "invalid_request");
        admin.postJson("/api/users", "not json at all").assertError(400, "invalid_request");
        user.postJson("/api/devices", "{\"name\": ").assertError(400, "invalid_request");
    }

    @Test
    void declaredSizeOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        String path = folder + "/" + DriveClient.unique("huge") + "/huge.bin";
        List<String> head = List.of(
                "POST /api/files/upload?uploadType=media&path=" + q(path) + " HTTP/1.1",
                "Host: " + DriveClient.BASE.getAuthority(),
                "Authorization: " + user.authorization(),
                "Content-Type: application/octet-stream",
                "Content-Length: 11000000000",
                "Connection: close");
        long start = System.nanoTime();
        String statusLine = DriveClient.rawStatusLine(head, new byte[] {1, 2, 3, 4, 5}, Duration.ofSeconds(15));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(statusLine).startsWith("HTTP/1.1 413");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        user.info(path).assertError(404, "not_found");
    }
}
