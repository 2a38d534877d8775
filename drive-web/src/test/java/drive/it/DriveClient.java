package drive.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The one HTTP client of the black-box tests: talks to the running Drive given by {@code -Ddrive.url}
 * (self-signed certificate trusted blindly, in tests only) with Basic, Bearer, session cookie or no
 * credentials, and reads the answers (bytes, headers, JSON).
 */
final class DriveClient {

    static final URI BASE =
            URI.create(setting("drive.url", "https://localhost:8443").replaceAll("/+$", ""));
    static final String ADMIN_PASSWORD = setting("drive.admin.password", "");
    static final String PASSWORD = "test-password-1";

    private static final SSLContext TRUST_ALL = trustAll();
    private static final HttpClient SHARED;

    static {
        // Read once when the JDK's HttpClient implementation is first used; the certificate is self-signed.
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        SHARED = newHttpClient(false);
    }

    private final HttpClient http;
    private final String authorization;
    final String username;
    private String csrfToken;

    private DriveClient(HttpClient http, String authorization, String username) {
        this.http = http;
        this.authorization = authorization;
        this.username = username;
    }

    /** A system property, or {@code otherwise} when it is unset or blank (Maven passes unset ones as ""). */
    static String setting(String name, String otherwise) {
        String value = System.getProperty(name, "");
        return value.isBlank() ? otherwise : value;
    }

    static DriveClient anonymous() {
        return new DriveClient(SHARED, null, null);
    }

    static DriveClient admin() {
        return basic("admin", ADMIN_PASSWORD);
    }

    static DriveClient basic(String username, String password) {
        String pair = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new DriveClient(SHARED, "Basic " + pair, username);
    }

    static DriveClient bearer(String token) {
        return new DriveClient(SHARED, "Bearer " + token, null);
    }

    /** A client with its own cookie jar and no credentials: sign in with {@link #login}. */
    static DriveClient browser() {
        return new DriveClient(newHttpClient(true), null, null);
    }

    /** A fresh user (created by the admin) and a Basic client for it. */
    static DriveClient newUser() {
        String name = unique("user");
        Reply created = admin().postJson(
                        "/api/users",
                        Json.object("username", name, "password", PASSWORD, "email", name + "@example.test"));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create test user " + name + ": " + created);
        }
        return basic(name, PASSWORD);
    }

    /** A name unique to this run, so that the suite can run again on the same database. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] randomBytes(int n) {
        byte[] data = new byte[n];
        new SecureRandom().nextBytes(data);
        return data;
    }

    /** Session sign-in; later unsafe requests of this client carry the session's CSRF token when {@code withCsrf}. */
    Reply login(String user, String password) {
        Reply reply = postJson("/api/session", Json.object("username", user, "password", password));
        if (reply.status() == 200) {
            csrfToken = (String) reply.json().get("csrfToken");
        }
        return reply;
    }

    String csrfToken() {
        return csrfToken;
    }

    Reply get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, null, headers);
    }

    Reply postJson(String pathAndQuery, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", pathAndQuery, json.getBytes(StandardCharsets.UTF_8), all);
    }

    Reply upload(String drivePath, byte[] content, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/octet-stream";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", "/api/files/upload?uploadType=media&path=" + q(drivePath), content, all);
    }

    Reply download(String drivePath, String... headers) {
        return get("/api/files/download?path=" + q(drivePath), headers);
    }

    Reply info(String drivePath) {
        return get("/api/files/info?path=" + q(drivePath));
    }

    Reply list(String drivePath) {
        return get("/api/files/list?path=" + q(drivePath));
    }

    Reply revisions(String drivePath) {
        return get("/api/files/list_revisions?path=" + q(drivePath));
    }

    /** Any request; {@code headers} are name/value pairs. */
    Reply send(String method, String pathAndQuery, byte[] body, String... headers) {
        return send(Duration.ofSeconds(30), method, pathAndQuery, body, headers);
    }

    /** A GET that may take up to {@code timeout} to answer (a long poll). */
    Reply getWithin(Duration timeout, String pathAndQuery) {
        return send(timeout, "GET", pathAndQuery, null);
    }

    private Reply send(Duration timeout, String method, String pathAndQuery, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + pathAndQuery))
                .timeout(timeout)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(method + " " + pathAndQuery, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A simple upload whose body is streamed from {@code content} ({@code length} bytes). */
    Reply uploadStream(String drivePath, java.util.function.Supplier<InputStream> content, long length) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(BASE + "/api/files/upload?uploadType=media&path=" + q(drivePath)))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(content), length));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply("POST upload " + drivePath, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("upload of " + drivePath + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Streams the answer to a GET into SHA-256 (for content too big to hold); "status:hex". */
    String sha256Of(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + pathAndQuery))
                .timeout(Duration.ofMinutes(5))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
            return response.statusCode() + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a hand-written request head (CRLFs added here) and a few body bytes over a raw TLS
     * socket, for what HttpClient refuses to send (a Content-Length it does not deliver), and
     * returns the status line of the answer.
     */
    static String rawStatusLine(List<String> head, byte[] bodyStart, Duration timeout) throws IOException {
        int port = BASE.getPort() == -1 ? 443 : BASE.getPort();
        try (SSLSocket socket = (SSLSocket) TRUST_ALL.getSocketFactory().createSocket(BASE.getHost(), port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write((String.join("\r\n", head) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bodyStart);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    /** The value of this client's Authorization header (null for none), for raw requests. */
    String authorization() {
        return authorization;
    }

    /** One answer: status, headers and the whole body. */
    record Reply(String request, int status, HttpHeaders headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) Json.parse(text());
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jsonList() {
            return (List<Map<String, Object>>) Json.parse(text());
        }

        /** The entries of a listing answer (asserting it is a 200). */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries() {
            org.assertj.core.api.Assertions.assertThat(status)
                    .as("status of %s", this)
                    .isEqualTo(200);
            return (List<Map<String, Object>>) json().get("entries");
        }

        /** Asserts a Drive error answer: this status, a JSON body {error, message}, never a 500. */
        Reply assertError(int expectedStatus, String expectedError) {
            org.assertj.core.api.Assertions.assertThat(status)
                    .as("status of %s", this)
                    .isEqualTo(expectedStatus);
            org.assertj.core.api.Assertions.assertThat(header("Content-Type").orElse(""))
                    .as("Content-Type of %s", this)
                    .startsWith("application/json");
            Map<String, Object> error = json();
            org.assertj.core.api.Assertions.assertThat(error.get("error"))
                    .as("error of %s", this)
                    .isEqualTo(expectedError);
            org.assertj.core.api.Assertions.assertThat((String) error.get("message"))
                    .as("message of %s", this)
                    .isNotBlank();
            return this;
        }

        /** Asserts the error message quotes {@code path} and never mentions {@code hidden}. */
        Reply assertMessageNames(String path, String hidden) {
            org.assertj.core.api.Assertions.assertThat((String) json().get("message"))
                    .as("message of %s", this)
                    .contains("'" + path + "'")
                    .doesNotContain(hidden);
            return this;
        }

        @Override
        public String toString() {
            String shown = body.length > 500 ? text().substring(0, 500) + "..." : text();
            return request + " -> " + status + " " + headers.map() + " " + shown;
        }
    }

    private static HttpClient newHttpClient(boolean cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .sslContext(TRUST_ALL)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (cookies) {
            builder.cookieHandler(new CookieManager());
        }
        return builder.build();
    }

    private static SSLContext trustAll() {
        TrustManager trustEverything = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustEverything}, new SecureRandom());
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
