package drive.it;

import static drive.it.DriveClient.q;
import static drive.it.DriveClient.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import drive.it.DriveClient.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Read-only share links: the link-holder / expired-link / revoked-link / wrong-password rows of
 * the permission matrix, what a link can and cannot reach, who may make and revoke links, and the
 * rate limit against guessing (last: it blocks this client's link requests for the window).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShareLinksHttpIT {

    private static DriveClient owner;
    private static String folder;
    private static byte[] content;

    @BeforeAll
    static void files() {
        owner = DriveClient.newUser();
        folder = "/" + DriveClient.unique("linked");
        content = randomBytes(4000);
        ok(owner.upload(folder + "/sub/a.bin", content));
        ok(owner.upload("/" + DriveClient.unique("outside") + ".bin", randomBytes(10)));
    }

    @Test
    @Order(1)
    void linkHolderReadsExpiredRevokedAndWrongPasswordDoNot() throws Exception {
        String holder = token(create("{\"path\":\"" + folder + "\",\"password\":\"open sesame\"}"));
        String expiring = token(create("{\"path\":\"" + folder + "\",\"expiresInSeconds\":2}"));
        Reply toRevoke = create("{\"path\":\"" + folder + "\"}");
        String revoked = token(toRevoke);
        assertThat(owner.send("DELETE", "/api/links/" + toRevoke.json().get("id"), null)
                        .status())
                .isEqualTo(204);
        Thread.sleep(2500);

        DriveClient anyone = DriveClient.anonymous();
        List<String> failures = new ArrayList<>();
        // endpoint × (holder with password, holder without it, wrong password, expired, revoked)
        for (String endpoint : List.of("", "/list?path=/sub", "/download?path=/sub/a.bin", "/download_zip?path=/sub")) {
            expect(
                    failures,
                    endpoint.isEmpty() ? "info" : endpoint,
                    (t, pw) -> anyone.get("/api/public/links/" + t + endpoint, pw),
                    holder,
                    expiring,
                    revoked);
        }
        assertThat(failures).as("link matrix").isEmpty();

        // the linked folder as a ZIP, named as the folder; a folder below it, named as that one
        Reply whole = anyone.get("/api/public/links/" + holder + "/download_zip", "X-Link-Password", "open sesame");
        String name = folder.substring(1);
        assertThat(whole.header("Content-Type")).contains("application/zip");
        assertThat(whole.header("Content-Disposition").orElse("")).contains("filename=\"" + name + ".zip\"");
        assertThat(unzip(whole.body())).containsOnlyKeys(name + "/", name + "/sub/", name + "/sub/a.bin");
        assertThat(unzip(whole.body()).get(name + "/sub/a.bin")).isEqualTo(content);
        Reply sub =
                anyone.get("/api/public/links/" + holder + "/download_zip?path=/sub", "X-Link-Password", "open sesame");
        assertThat(unzip(sub.body())).containsOnlyKeys("sub/", "sub/a.bin");
        anyone.get("/api/public/links/" + holder + "/download_zip?path=/sub/a.bin", "X-Link-Password", "open sesame")
                .assertError(409, "conflict")
                .assertMessageNames("/sub/a.bin", folder);

        Reply download = anyone.get(
                "/api/public/links/" + holder + "/download?path=/sub/a.bin", "X-Link-Password", "open sesame");
        assertThat(download.body()).isEqualTo(content);
        Reply list = anyone.get("/api/public/links/" + holder + "/list", "X-Link-Password", "open sesame");
        assertThat(list.json()).containsEntry("path", "/");
        assertThat(list.entries()).extracting(e -> e.get("path")).containsExactly("/sub");
        anyone.get("/api/public/links/" + holder + "/download?path=/../x", "X-Link-Password", "open sesame")
                .assertError(400, "invalid_request");
        // errors name paths as the link shows them, never where the owner keeps the folder
        anyone.get("/api/public/links/" + holder + "?path=/sub/nothing", "X-Link-Password", "open sesame")
                .assertError(404, "not_found")
                .assertMessageNames("/sub/nothing", folder);
        anyone.get("/api/public/links/" + holder + "/list?path=/sub/a.bin", "X-Link-Password", "open sesame")
                .assertError(409, "conflict")
                .assertMessageNames("/sub/a.bin", folder);
        // a download ticket stands in for the password where a plain link cannot send its header
        Reply issued =
                anyone.send("POST", "/api/public/links/" + holder + "/ticket", null, "X-Link-Password", "open sesame");
        assertThat(issued.status()).as("%s", issued).isEqualTo(200);
        assertThat(issued.json()).containsEntry("expiresInSeconds", 120L);
        String ticket = (String) issued.json().get("ticket");
        assertThat(anyone.get("/api/public/links/" + holder + "/download?path=/sub/a.bin&ticket=" + q(ticket))
                        .body())
                .isEqualTo(content);
        assertThat(unzip(anyone.get("/api/public/links/" + holder + "/download_zip?path=/sub&ticket=" + q(ticket))
                                .body())
                        .get("sub/a.bin"))
                .isEqualTo(content);
        anyone.get("/api/public/links/" + holder + "/download?path=/sub/a.bin&ticket=" + q(ticket + "x"))
                .assertError(401, "unauthorized");
        String other = token(create("{\"path\":\"" + folder + "\",\"password\":\"another one\"}"));
        anyone.get("/api/public/links/" + other + "/download?path=/sub/a.bin&ticket=" + q(ticket)) // its own only
                .assertError(401, "unauthorized");
        // a link is no account: the file API stays closed
        anyone.get("/api/files/list?path=" + q(folder)).assertError(401, "unauthorized");
    }

    /** One endpoint's row of the link matrix: 200 for the holder, 401 without or with a wrong password, 410, 404. */
    private static void expect(
            List<String> failures,
            String what,
            BiFunction<String, String[], Reply> call,
            String holder,
            String expired,
            String revoked) {
        int[] statuses = {200, 401, 401, 410, 404};
        Reply[] replies = {
            call.apply(holder, new String[] {"X-Link-Password", "open sesame"}),
            call.apply(holder, new String[] {}),
            call.apply(holder, new String[] {"X-Link-Password", "open sesame?"}),
            call.apply(expired, new String[] {}),
            call.apply(revoked, new String[] {})
        };
        String[] rows = {"link holder", "no password", "wrong password", "expired link", "revoked link"};
        for (int i = 0; i < replies.length; i++) {
            if (replies[i].status() != statuses[i]) {
                failures.add(what + " as " + rows[i] + ": expected " + statuses[i] + ", got " + replies[i]);
            }
        }
    }

    @Test
    @Order(2)
    void aFileLinkReachesOnlyThatFileAndLinksAreTheOwnersToManage() {
        String file = folder + "/sub/a.bin";
        Reply made = create("{\"path\":\"" + file + "\"}");
        String t = token(made);
        assertThat(t).hasSizeGreaterThanOrEqualTo(43); // 256 random bits, base64url
        assertThat(token(create("{\"path\":\"" + file + "\"}"))).isNotEqualTo(t);
        DriveClient anyone = DriveClient.anonymous();
        assertThat(anyone.get("/api/public/links/" + t + "/download").body()).isEqualTo(content);
        assertThat(anyone.get("/api/public/links/" + t).json())
                .containsEntry("name", "a.bin")
                .containsEntry("path", "/");
        anyone.get("/api/public/links/" + t + "/list").assertError(409, "conflict");
        anyone.get("/api/public/links/" + t + "/download_zip").assertError(409, "conflict");
        anyone.send("POST", "/api/public/links/" + t + "/ticket", null).assertError(409, "conflict");
        anyone.get("/api/public/links/" + t + "?path=/other").assertError(404, "not_found");

        Reply listed = owner.get("/api/links?path=" + q(file));
        assertThat(listed.jsonList()).hasSize(2).allMatch(l -> !l.containsKey("token"));

        DriveClient stranger = DriveClient.newUser();
        stranger.get("/api/links?path=" + q(file)).assertError(404, "not_found");
        stranger.send("DELETE", "/api/links/" + made.json().get("id"), null).assertError(404, "not_found");
        stranger.postJson("/api/links", Json.object("path", file)).assertError(404, "not_found");

        DriveClient viewer = DriveClient.newUser();
        Reply shared =
                owner.postJson("/api/shares", Json.object("path", folder, "user", viewer.username, "role", "viewer"));
        assertThat(viewer.postJson("/api/shares/" + shared.json().get("id") + "/mount", "")
                        .status())
                .isEqualTo(200);
        viewer.postJson("/api/links", Json.object("path", file)).assertError(403, "forbidden");

        owner.postJson("/api/links", "{\"path\":\"" + file + "\",\"expiresInSeconds\":0}")
                .assertError(400, "invalid_request");
        owner.postJson("/api/links", "{\"path\":\"" + file + "\",\"expires\":\"soon\"}")
                .assertError(400, "invalid_request");
        ok(owner.postJson("/api/files/delete", Json.object("path", file)));
        anyone.get("/api/public/links/" + t + "/download").assertError(404, "not_found");
    }

    @Test
    @Order(3)
    void guessingIsRateLimited() {
        String t = token(create("{\"path\":\"" + folder + "\"}"));
        DriveClient anyone = DriveClient.anonymous();
        int attempts = 0;
        Reply last;
        do {
            last = anyone.get("/api/public/links/" + "guess" + attempts + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
            attempts++;
        } while (last.status() == 404 && attempts < 100);
        last.assertError(429, "too_many_requests");
        assertThat(last.header("Retry-After")).isPresent();
        assertThat(attempts)
                .as("blocked after at most drive.links.max-failures (20) failures")
                .isLessThanOrEqualTo(21);
        anyone.get("/api/public/links/" + t).assertError(429, "too_many_requests");
    }

    /** Each entry of a ZIP and its bytes. */
    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static Reply create(String json) {
        Reply made = owner.postJson("/api/links", json);
        assertThat(made.status()).as("%s", made).isEqualTo(201);
        return made;
    }

    private static String token(Reply made) {
        return (String) made.json().get("token");
    }

    private static Reply ok(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isBetween(200, 299);
        return reply;
    }
}
