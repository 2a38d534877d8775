package drive.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client's one connection to Drive (java.net.http): TLS as asked (the JDK's trust store, a given
 * trust store, or — only with {@code --insecure} — any certificate), the {@code Authorization}
 * header, and plain request/answer calls. Timeouts on every request; long polls go asynchronously so
 * that they can be abandoned.
 */
final class Http {

    /** One answer: status and body. */
    record Reply(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient client;
    private final URI base;
    private volatile String authorization;

    Http(Options options) {
        this.base = URI.create(options.url().replaceAll("/+$", ""));
        this.client = HttpClient.newBuilder()
                .sslContext(sslContext(options))
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void authorization(String value) {
        this.authorization = value;
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    Reply send(String method, String pathAndQuery, String contentType, byte[] body) {
        return await(sendAsync(method, pathAndQuery, contentType, body, Duration.ofMinutes(2)), method, pathAndQuery);
    }

    CompletableFuture<HttpResponse<byte[]>> sendAsync(
            String method, String pathAndQuery, String contentType, byte[] body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(timeout)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        String auth = authorization;
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET whose body is streamed (file downloads); the caller closes the stream. */
    HttpResponse<InputStream> stream(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofMinutes(2))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ApiException(0, "io", "GET " + pathAndQuery + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "interrupted", "GET " + pathAndQuery);
        }
    }

    static Reply await(CompletableFuture<HttpResponse<byte[]>> future, String method, String what) {
        try {
            HttpResponse<byte[]> response = future.get();
            return new Reply(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException(0, "interrupted", method + " " + what);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ApiException(0, "io", method + " " + what + ": " + e.getCause());
        }
    }

    private static SSLContext sslContext(Options options) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (options.insecure()) {
                context.init(null, new TrustManager[] {new TrustAnything()}, new SecureRandom());
            } else if (options.trustStore() != null) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType()); // PKCS12 or JKS, detected
                char[] password = options.trustStorePassword() == null
                        ? null
                        : options.trustStorePassword().toCharArray();
                try (InputStream in = Files.newInputStream(Path.of(options.trustStore()))) {
                    store.load(in, password);
                }
                TrustManagerFactory factory =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(store);
                context.init(null, factory.getTrustManagers(), new SecureRandom());
            } else {
                return SSLContext.getDefault();
            }
            return context;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * For {@code --insecure} only: accepts any server certificate and host name (a self-signed test
     * server). Extended, so that the TLS engine leaves the host name check to it.
     */
    private static final class TrustAnything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
