package drive.bench.longpoll;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The few calls of Drive's public API the long-poll benchmark makes, over {@code java.net.http}
 * (HTTP/1.1, so that every waiting client is a connection of its own, as separate devices are).
 * Trusts any certificate: the benchmark talks to a local Drive with a self-signed one.
 */
final class DriveApi {

    private static final Pattern STRING_FIELD = Pattern.compile("\"(cursor|token)\":\"([^\"]*)\"");

    final URI base;
    final HttpClient http;

    DriveApi(URI base, int selectorThreads) throws Exception {
        this.base = base;
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        // Drop idle connections before Payara's keep-alive timeout (30 s) does: a POST sent on a
        // connection the server has just closed fails ("header parser received no bytes").
        System.setProperty("jdk.httpclient.keepalive.timeout", "20");
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(120))
                .executor(Executors.newFixedThreadPool(selectorThreads))
                .build();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    HttpRequest.Builder request(String pathAndQuery, String authorization) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(120));
    }

    HttpResponse<String> postJson(String path, String authorization, String json) throws Exception {
        return http.send(
                request(path, authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String authorization) throws Exception {
        return http.send(request(path, authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST /api/users} as admin; 409 (already there from an earlier run) is fine. */
    void createUser(String admin, String username, String password) throws Exception {
        HttpResponse<String> r = postJson(
                "/api/users",
                admin,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"email\":\"" + username
                        + "@bench.invalid\"}");
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException("create user " + username + ": " + r.statusCode() + " " + r.body());
        }
    }

    /** {@code POST /api/devices}: the new device's bearer token. */
    String registerDevice(String authorization, String name) throws Exception {
        HttpResponse<String> r =
                postJson("/api/devices", authorization, "{\"name\":\"" + name + "\",\"kind\":\"bench\"}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("register device: " + r.statusCode() + " " + r.body());
        }
        return field(r.body(), "token");
    }

    String latestCursor(String authorization) throws Exception {
        HttpResponse<String> r = get("/api/changes/latest_cursor", authorization);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("latest_cursor: " + r.statusCode() + " " + r.body());
        }
        return field(r.body(), "cursor");
    }

    /** A change: {@code POST /api/files/create_folder} (one transaction, one journal entry). */
    HttpResponse<String> createFolder(String authorization, String path) throws Exception {
        return postJson("/api/files/create_folder", authorization, "{\"path\":\"" + path + "\"}");
    }

    CompletableFuture<HttpResponse<String>> longpoll(String authorization, String cursor, int timeoutSeconds) {
        return http.sendAsync(
                HttpRequest.newBuilder(
                                base.resolve("/api/changes/longpoll?cursor=" + cursor + "&timeout=" + timeoutSeconds))
                        .header("Authorization", authorization)
                        .timeout(Duration.ofSeconds(timeoutSeconds + 120L))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The server's {@code drive_longpoll_<name>} gauge from {@code /metrics} (0 before the first poll). */
    long gauge(String name) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(base.resolve("/metrics"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("(?m)^drive_longpoll_" + name + "\\{[^}]*} ([0-9.E+]+)$")
                    .matcher(r.body());
            return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
        } catch (Exception e) {
            return -1;
        }
    }

    /** How long {@code GET /api/status} takes (ms), or -1 if it fails: is the instance still answering? */
    long statusMillis() {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(base.resolve("/api/status"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? (System.nanoTime() - start) / 1_000_000 : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    static String field(String json, String name) {
        Matcher m = STRING_FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + json);
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
