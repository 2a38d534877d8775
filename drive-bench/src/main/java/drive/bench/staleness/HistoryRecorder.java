package drive.bench.staleness;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Writers and readers on every given Drive instance at once, for a while, recording each successful
 * operation as an {@link Operation} (a history for {@link StalenessChecker}). Writers make new
 * revisions of a few files, alternating instances: mostly {@code POST /api/files/restore} (a write
 * in one transaction), every fourth a simple upload (written by the block server's consumer, on
 * whichever instance takes the job). Readers read the revisions back through the three cached read
 * paths: {@code info}, {@code list} of the folder (every file in it) and {@code list_revisions}.
 *
 * <p>{@code java -cp benchmarks.jar drive.bench.staleness.HistoryRecorder --out=history.tsv
 * --seconds=20 --token=BEARER --folder=/staleness --files=4 --writers=2 --readers=4 --write-pause=0
 * https://a/api https://b/api} ({@code --write-pause}: milliseconds each writer waits after a write, so
 * that reads find cached values between writes; {@code --setup} creates the files first).
 */
public final class HistoryRecorder {

    private static final Pattern ENTRY = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern NAME = Pattern.compile("\"name\":\"([^\"]*)\"");
    private static final Pattern REVISION = Pattern.compile("\"revision\":(\\d+)");

    private final HttpClient http;
    private final String token;
    private final List<String> instances;
    private final String folder;
    private final int files;
    private final ConcurrentLinkedQueue<Operation> history = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private long writePauseMillis;

    HistoryRecorder(String token, List<String> instances, String folder, int files) throws Exception {
        this.token = token;
        this.instances = instances;
        this.folder = folder;
        this.files = files;
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
        http = HttpClient.newBuilder()
                .sslContext(tls)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true"); // self-signed test servers
        Map<String, String> opts = new ConcurrentHashMap<>();
        List<String> urls = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--")) {
                int eq = a.contains("=") ? a.indexOf('=') : a.length();
                opts.put(a.substring(2, eq), eq < a.length() ? a.substring(eq + 1) : "true");
            } else {
                urls.add(a.endsWith("/") ? a.substring(0, a.length() - 1) : a);
            }
        }
        HistoryRecorder recorder = new HistoryRecorder(
                opts.get("token"),
                urls,
                opts.getOrDefault("folder", "/staleness"),
                Integer.parseInt(opts.getOrDefault("files", "4")));
        recorder.writePauseMillis = Long.parseLong(opts.getOrDefault("write-pause", "0"));
        if (opts.containsKey("setup")) {
            recorder.setup();
            return;
        }
        recorder.run(
                Integer.parseInt(opts.getOrDefault("seconds", "20")),
                Integer.parseInt(opts.getOrDefault("writers", "2")),
                Integer.parseInt(opts.getOrDefault("readers", "4")));
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(opts.get("out"))))) {
            recorder.history.forEach(op -> out.println(op.line()));
        }
        long writes = recorder.history.stream().filter(Operation::write).count();
        System.out.println("recorded " + writes + " writes and " + (recorder.history.size() - writes)
                + " reads; failed requests " + recorder.failures);
    }

    /** Creates the files (revision 1 each) through the first instance. */
    void setup() throws IOException, InterruptedException {
        for (int k = 0; k < files; k++) {
            HttpResponse<String> r = send(upload(instances.get(0), file(k), "revision 1 of " + k));
            if (r.statusCode() != 201) {
                throw new IllegalStateException(
                        "creating " + file(k) + " answered " + r.statusCode() + ": " + r.body());
            }
        }
    }

    void run(int seconds, int writers, int readers) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            threads.add(new Thread(() -> loop(end, n, true), "writer-" + i));
        }
        for (int i = 0; i < readers; i++) {
            int n = i;
            threads.add(new Thread(() -> loop(end, n, false), "reader-" + i));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }

    private void loop(long end, int n, boolean writer) {
        for (long i = n; System.nanoTime() < end; i++) {
            String instance = instances.get((int) (i % instances.size()));
            int k = ThreadLocalRandom.current().nextInt(files);
            try {
                if (writer) {
                    write(instance, k, i % 4 == 3);
                    pause(writePauseMillis);
                } else {
                    read(instance, k, (int) (i / instances.size() % 3));
                }
            } catch (IOException | RuntimeException e) {
                failures.computeIfAbsent(instance + " " + e.getClass().getSimpleName(), x -> new LongAdder())
                        .increment();
                pause(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void write(String instance, int k, boolean upload) throws IOException, InterruptedException {
        HttpRequest request = upload
                ? upload(instance, file(k), "content " + System.nanoTime())
                : json(instance, "files/restore", "{\"path\":\"" + file(k) + "\",\"revision\":1}");
        long invoked = System.nanoTime();
        HttpResponse<String> r = send(request);
        long completed = System.nanoTime();
        if (r.statusCode() == 200 || r.statusCode() == 201) {
            history.add(new Operation(
                    true,
                    name(instance),
                    upload ? "upload" : "restore",
                    file(k),
                    invoked,
                    completed,
                    revision(r.body())));
        } else {
            failed(instance, r);
        }
    }

    private void read(String instance, int k, int kind) throws IOException, InterruptedException {
        String what = kind == 0 ? "info" : kind == 1 ? "list" : "list_revisions";
        String query = kind == 1 ? "files/list?path=" + encode(folder) : "files/" + what + "?path=" + encode(file(k));
        long invoked = System.nanoTime();
        HttpResponse<String> r = send(get(instance, query));
        long completed = System.nanoTime();
        if (r.statusCode() != 200) {
            failed(instance, r);
            return;
        }
        if (kind != 1) { // info: the entry; list_revisions: newest first
            history.add(new Operation(false, name(instance), what, file(k), invoked, completed, revision(r.body())));
            return;
        }
        Matcher entries = ENTRY.matcher(r.body());
        while (entries.find()) {
            Matcher name = NAME.matcher(entries.group());
            Matcher revision = REVISION.matcher(entries.group());
            if (name.find() && revision.find()) {
                String file = folder + "/" + name.group(1);
                history.add(new Operation(
                        false, name(instance), what, file, invoked, completed, Long.parseLong(revision.group(1))));
            }
        }
    }

    private void failed(String instance, HttpResponse<String> r) {
        failures.computeIfAbsent(instance + " " + r.statusCode(), x -> new LongAdder())
                .increment();
        pause(100);
    }

    private static long revision(String body) {
        Matcher m = REVISION.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no revision in " + body);
        }
        return Long.parseLong(m.group(1));
    }

    private String file(int k) {
        return folder + "/f" + k + ".txt";
    }

    private String name(String instance) {
        return "i" + instances.indexOf(instance);
    }

    private HttpRequest upload(String instance, String path, String content) {
        return builder(instance, "files/upload?uploadType=media&path=" + encode(path))
                .POST(HttpRequest.BodyPublishers.ofString(content))
                .header("Content-Type", "application/octet-stream")
                .build();
    }

    private HttpRequest json(String instance, String path, String body) {
        return builder(instance, path)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build();
    }

    private HttpRequest get(String instance, String path) {
        return builder(instance, path).GET().build();
    }

    private HttpRequest.Builder builder(String instance, String path) {
        return HttpRequest.newBuilder(URI.create(instance + "/" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The test instances' certificates are self-signed. */
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
