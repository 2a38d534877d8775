package drive.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import drive.it.DriveClient.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may do what: Basic, device tokens, browser sessions with CSRF, user administration, isolation. */
class AuthenticationHttpIT {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void statusIsPublic() {
        Reply status = DriveClient.anonymous().get("/api/status");
        assertThat(status.status()).as("%s", status).isEqualTo(200);
        assertThat(status.json()).containsEntry("status", "ok");
    }

    @Test
    void requestWithoutCredentialsIs401WithJsonAndBasicChallenge() {
        Reply reply = DriveClient.anonymous().get("/api/files/list?path=/");
        reply.assertError(401, "unauthorized");
        assertThat(reply.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
    }

    @Test
    void wrongPasswordIs401() {
        DriveClient.basic("admin", DriveClient.ADMIN_PASSWORD + "-wrong")
                .get("/api/users/me")
                .assertError(401, "unauthorized");
        DriveClient.basic(DriveClient.unique("nobody"), "whatever-123")
                .get("/api/users/me")
                .assertError(401, "unauthorized");
    }

    @Test
    void adminCreatesUserWhoCanSignIn() {
        String name = DriveClient.unique("created");
        Reply created = DriveClient.admin()
                .postJson(
                        "/api/users",
                        Json.object(
                                "username", name, "password", DriveClient.PASSWORD, "email", name + "@example.test"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json())
                .containsEntry("username", name)
                .containsEntry("admin", false)
                .doesNotContainKey("password");

        Reply me = DriveClient.basic(name, DriveClient.PASSWORD).get("/api/users/me");
        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(me.json()).containsEntry("username", name).containsEntry("email", name + "@example.test");
    }

    @Test
    void ownAccountShowsTheStorageUsedAgainstTheQuota() {
        DriveClient user = DriveClient.newUser();
        assertThat(user.get("/api/users/me").json()).containsEntry("usedBytes", 0L);
        assertThat(user.upload("/a.bin", new byte[1000]).status()).isEqualTo(201);
        assertThat(user.get("/api/users/me").json())
                .containsEntry("usedBytes", 1000L)
                .containsKey("quotaBytes");
    }

    @Test
    void adminGivesANewUserAQuotaThatUploadsMeetAndTheUserSeesTheLimits() {
        String name = DriveClient.unique("small");
        Reply created = DriveClient.admin()
                .postJson(
                        "/api/users",
                        "{\"username\":\"" + name + "\",\"password\":\"" + DriveClient.PASSWORD
                                + "\",\"email\":\"s@example.test\",\"quotaBytes\":3000}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json()).containsEntry("quotaBytes", 3000L);
        DriveClient user = DriveClient.basic(name, DriveClient.PASSWORD);
        assertThat(user.get("/api/users/me").json())
                .containsEntry("quotaBytes", 3000L)
                .containsEntry("usedBytes", 0L)
                .containsEntry("maxFileBytes", 10L * 1024 * 1024 * 1024);
        assertThat(user.upload("/fits.bin", new byte[2000]).status()).isEqualTo(201);
        user.upload("/too-much.bin", new byte[1001]).assertError(507, "quota_exceeded");
        assertThat(user.get("/api/users/me").json()).containsEntry("usedBytes", 2000L);

        DriveClient.admin()
                .postJson(
                        "/api/users",
                        "{\"username\":\"" + DriveClient.unique("neg") + "\",\"password\":\"" + DriveClient.PASSWORD
                                + "\",\"quotaBytes\":-1}")
                .assertError(400, "invalid_request");
    }

    @Test
    void nonAdminCannotCreateUsers() {
        DriveClient plain = DriveClient.newUser();
        String name = DriveClient.unique("sneaky");
        plain.postJson(
                        "/api/users",
                        Json.object("username", name, "password", DriveClient.PASSWORD, "email", "x@example.test"))
                .assertError(403, "forbidden");
        DriveClient.basic(name, DriveClient.PASSWORD).get("/api/users/me").assertError(401, "unauthorized");
    }

    @Test
    void duplicateUsernameIsConflict() {
        DriveClient existing = DriveClient.newUser();
        DriveClient.admin()
                .postJson(
                        "/api/users",
                        Json.object(
                                "username",
                                existing.username,
                                "password",
                                "other-password-2",
                                "email",
                                "dup@example.test"))
                .assertError(409, "conflict");
        assertThat(existing.get("/api/users/me").status())
                .as("the first user keeps its password")
                .isEqualTo(200);
    }

    @Test
    void usersSeeOnlyTheirOwnFiles() {
        DriveClient alice = DriveClient.newUser();
        DriveClient bob = DriveClient.newUser();
        String folder = "/" + DriveClient.unique("private");
        String path = folder + "/secret.txt";
        assertThat(alice.upload(path, bytes("alice's secret")).status()).isEqualTo(201);

        // Bob gets exactly what he gets for a path nobody has: no hint that Alice's file exists.
        bob.download(path).assertError(404, "not_found");
        bob.info(path).assertError(404, "not_found");
        bob.revisions(path).assertError(404, "not_found");
        bob.list(folder).assertError(404, "not_found");
        assertThat(bob.list("/").entries()).extracting(e -> e.get("path")).doesNotContain(folder);

        // The same path in Bob's space is his own, new file.
        Reply bobs = bob.upload(path, bytes("bob's note"));
        assertThat(bobs.status()).as("%s", bobs).isEqualTo(201);
        assertThat(bobs.json()).containsEntry("revision", 1L);
        assertThat(alice.download(path).text()).isEqualTo("alice's secret");
        assertThat(bob.download(path).text()).isEqualTo("bob's note");
    }

    @Test
    void deviceTokenCanBeRegisteredUsedAndRevoked() {
        DriveClient owner = DriveClient.newUser();
        String deviceName = DriveClient.unique("laptop");
        Reply registered = owner.postJson("/api/devices", Json.object("name", deviceName, "kind", "desktop"));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        Map<String, Object> device = registered.json();
        assertThat(device).containsEntry("name", deviceName).containsKey("id");
        String token = (String) device.get("token");
        assertThat(token).isNotBlank();

        Reply listed = owner.get("/api/devices");
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        assertThat(listed.jsonList())
                .anySatisfy(
                        d -> assertThat(d).containsEntry("id", device.get("id")).containsEntry("name", deviceName))
                .allSatisfy(d -> assertThat(d.get("token"))
                        .as("tokens are shown only once")
                        .isNull());

        DriveClient sync = DriveClient.bearer(token);
        assertThat(sync.get("/api/users/me").json()).containsEntry("username", owner.username);
        String path = "/" + DriveClient.unique("synced") + "/from-device.txt";
        Reply uploaded = sync.upload(path, bytes("synced"));
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        List<Map<String, Object>> history = owner.revisions(path).jsonList();
        assertThat(history).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("device", deviceName)
                .containsEntry("user", owner.username));

        Reply revoked = owner.send("DELETE", "/api/devices/" + device.get("id"), null);
        assertThat(revoked.status()).as("%s", revoked).isEqualTo(204);
        sync.get("/api/users/me").assertError(401, "unauthorized");
        sync.upload(path, bytes("after revoke")).assertError(401, "unauthorized");
        assertThat(owner.revisions(path).jsonList()).hasSize(1);
    }

    @Test
    void otherUsersCannotRevokeMyDevice() {
        DriveClient owner = DriveClient.newUser();
        Reply registered = owner.postJson("/api/devices", Json.object("name", "phone", "kind", "mobile"));
        Map<String, Object> device = registered.json();

        Reply foreign = DriveClient.newUser().send("DELETE", "/api/devices/" + device.get("id"), null);
        assertThat(foreign.status()).as("%s", foreign).isIn(403, 404);
        assertThat(DriveClient.bearer((String) device.get("token"))
                        .get("/api/users/me")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void sessionLoginNeedsCsrfTokenForChangesAndLogoutEndsIt() {
        DriveClient user = DriveClient.newUser();
        DriveClient browser = DriveClient.browser();

        Reply login = browser.login(user.username, DriveClient.PASSWORD);
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        assertThat(login.json()).containsEntry("username", user.username).containsEntry("admin", false);
        assertThat(browser.csrfToken()).isNotBlank();
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("DRIVE_SESSION="));

        assertThat(browser.get("/api/users/me").json()).containsEntry("username", user.username);
        String path = "/" + DriveClient.unique("browser") + "/page.txt";

        browser.upload(path, bytes("forged")).assertError(403, "forbidden");
        browser.upload(path, bytes("forged"), "X-CSRF-Token", "not-the-token").assertError(403, "forbidden");
        user.info(path).assertError(404, "not_found");

        Reply upload = browser.upload(path, bytes("from the browser"), "X-CSRF-Token", browser.csrfToken());
        assertThat(upload.status()).as("%s", upload).isEqualTo(201);

        Reply logout = browser.send("DELETE", "/api/session", null, "X-CSRF-Token", browser.csrfToken());
        assertThat(logout.status()).as("%s", logout).isEqualTo(204);
        browser.get("/api/users/me").assertError(401, "unauthorized");
        browser.upload(path, bytes("after logout"), "X-CSRF-Token", browser.csrfToken())
                .assertError(401, "unauthorized");
        assertThat(user.info(path).json()).containsEntry("revision", 1L);
    }

    @Test
    void sessionLoginWithWrongPasswordIs401() {
        DriveClient browser = DriveClient.browser();
        browser.login("admin", DriveClient.ADMIN_PASSWORD + "-wrong").assertError(401, "unauthorized");
        browser.get("/api/users/me").assertError(401, "unauthorized");
    }

    /** Needs {@code -Ddrive.http.url=http://localhost:<http port>}; skipped without it. */
    @Test
    void plainHttpRedirectsToHttps() throws Exception {
        String httpUrl = DriveClient.setting("drive.http.url", "");
        assumeFalse(httpUrl.isBlank(), "drive.http.url not given");
        HttpClient plain = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<Void> reply = plain.send(
                HttpRequest.newBuilder(URI.create(httpUrl.replaceAll("/+$", "") + "/api/status"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(reply.statusCode()).isIn(301, 302, 303, 307, 308);
        assertThat(reply.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("https://"));
    }
}
