package drive.client;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * The running Drive the integration tests talk to ({@code -Ddrive.url}, {@code -Ddrive.admin.password},
 * as for drive-web's HTTP tests): creates a fresh user per test and looks at the server's side of things.
 */
final class TestServer {

    static final String URL = setting("drive.url", "https://localhost:8443");
    static final String ADMIN_PASSWORD = setting("drive.admin.password", "");
    static final String PASSWORD = "sync-test-password-1";

    private TestServer() {}

    static String setting(String name, String otherwise) {
        String value = System.getProperty(name, "");
        return value.isBlank() ? otherwise : value;
    }

    static Options options(String user, Path dir, String device) {
        return new Options(
                URL, user, PASSWORD, dir, device, true, null, null, Duration.ofMillis(300), 30, false, false);
    }

    /** An HTTP connection signed in with Basic as {@code user}. */
    static Http as(String user, String password) {
        Http http = new Http(options(user, Path.of("."), "test"));
        String pair = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        http.authorization("Basic " + pair);
        return http;
    }

    static String newUser() {
        String name = "sync-" + UUID.randomUUID().toString().substring(0, 12);
        String body = jakarta.json.Json.createObjectBuilder()
                .add("username", name)
                .add("password", PASSWORD)
                .add("email", name + "@example.test")
                .build()
                .toString();
        Http.Reply reply = as("admin", ADMIN_PASSWORD)
                .send("POST", "/api/users", "application/json", body.getBytes(StandardCharsets.UTF_8));
        if (reply.status() != 201) {
            throw new IllegalStateException("could not create a test user: " + reply.status() + " " + reply.text());
        }
        return name;
    }

    /** GET as the user, expecting 200: the JSON answer. */
    static String get(String user, String pathAndQuery) {
        Http.Reply reply = as(user, PASSWORD).send("GET", pathAndQuery, null, null);
        if (reply.status() != 200) {
            throw new IllegalStateException(pathAndQuery + ": " + reply.status() + " " + reply.text());
        }
        return reply.text();
    }

    static JsonObject info(String user, String path) {
        return Json.parse(get(user, "/api/files/info?path=" + Http.q(path)));
    }
}
