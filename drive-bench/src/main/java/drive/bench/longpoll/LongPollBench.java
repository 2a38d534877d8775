package drive.bench.longpoll;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * Long-poll capacity, latency and a reconnect storm against one running Drive (issue 5, part 7);
 * {@code drive-bench/bin/longpoll-bench} starts the Drive and runs this. Every client is a device
 * of its own with a bearer token, as sync clients are ({@code devices-per-user} per user):
 * <ol>
 *   <li><b>capacity</b>: {@code clients} polls held at once; server heap after GC, threads and open
 *       files with none and with all of them waiting; then one commit per user wakes them all;
 *   <li><b>latency</b>: {@code latency-clients} polls held; each user makes a change
 *       ({@code create_folder}, one after another); the time from sending that commit to each of the
 *       user's waiters receiving {@code {changes: true}}, over {@code rounds} rounds;
 *   <li><b>storm</b>: all {@code clients} polls sent at the same moment; how many are refused (503
 *       with Retry-After), whether the instance keeps answering, and how long until every client
 *       waits, retrying as the server says.
 * </ol>
 * Options are {@code name=value} arguments; see {@link #main}.
 */
public final class LongPollBench {

    private final Map<String, String> options;
    private final DriveApi api;
    private final ServerProbe server;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final List<PollClient> clients = new ArrayList<>();
    private final List<String> userAuth = new ArrayList<>();
    private final List<String> report = new ArrayList<>();
    private final int devicesPerUser;

    private LongPollBench(Map<String, String> options) throws Exception {
        this.options = options;
        this.api = new DriveApi(URI.create(option("url", "https://localhost:8443")), integer("client-threads", 4));
        this.server = new ServerProbe(Long.parseLong(option("pid", "0")));
        this.devicesPerUser = integer("devices-per-user", 10);
    }

    /**
     * {@code url=https://localhost:8443 pid=<Payara's pid> admin-password=… clients=10000
     * devices-per-user=10 latency-clients=1000 rounds=3 phases=capacity,latency,storm
     * tokens=<file caching the devices' tokens> out=<Markdown report>}
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        try {
            run(options);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the HTTP client's threads would keep the JVM, and its clients, alive
        }
    }

    private static void run(Map<String, String> options) throws Exception {
        LongPollBench bench = new LongPollBench(options);
        bench.setUp();
        List<String> phases =
                Arrays.asList(bench.option("phases", "capacity,latency,storm").split(","));
        if (phases.contains("capacity")) {
            new CapacityPhase(bench).run();
        }
        if (phases.contains("latency")) {
            new LatencyPhase(bench).run();
        }
        if (phases.contains("storm")) {
            new StormPhase(bench).run();
        }
        bench.finish();
    }

    /** Users and their devices (cached in the tokens file, so a second run on the same Drive reuses them). */
    private void setUp() throws Exception {
        int total = integer("clients", 10000);
        int users = (total + devicesPerUser - 1) / devicesPerUser;
        String password = "bench-password";
        Path cache = Path.of(option("tokens", "longpoll-bench.tokens"));
        List<String> tokens = Files.exists(cache) ? new ArrayList<>(Files.readAllLines(cache)) : new ArrayList<>();
        for (int u = 0; u < users; u++) {
            userAuth.add(DriveApi.basic(String.format("lpb%05d", u), password));
        }
        if (tokens.size() < users * devicesPerUser) {
            log("setting up " + users + " users with " + devicesPerUser + " devices each ...");
            String admin = DriveApi.basic("admin", option("admin-password", ""));
            String[] made = new String[users * devicesPerUser];
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                int user = u;
                work.add(pool.submit(() -> {
                    api.createUser(admin, String.format("lpb%05d", user), password);
                    for (int d = 0; d < devicesPerUser; d++) {
                        made[user * devicesPerUser + d] = api.registerDevice(userAuth.get(user), "bench " + d);
                    }
                    return null;
                }));
            }
            for (var w : work) {
                w.get();
            }
            pool.shutdown();
            tokens = List.of(made);
            Files.write(cache, tokens);
        }
        for (int i = 0; i < total; i++) {
            clients.add(new PollClient(api, retries, i / devicesPerUser, tokens.get(i)));
        }
        log("clients ready: " + clients.size() + " devices of " + users + " users");
    }

    /** The current cursor of each of the first {@code users} users. */
    String[] cursors(int users) throws Exception {
        String[] cursors = new String[users];
        for (int u = 0; u < users; u++) {
            cursors[u] = api.latestCursor(clients.get(u * devicesPerUser).authorization);
        }
        return cursors;
    }

    /** One change per user among the first {@code users}, one after another: when each was sent. */
    long[] commitPerUser(int users, String tag, List<Double> commitMillis) throws Exception {
        long[] sentAt = new long[users];
        for (int u = 0; u < users; u++) {
            sentAt[u] = commit(u, tag, commitMillis);
        }
        return sentAt;
    }

    /**
     * One change by {@code user} ({@code create_folder}): when it was sent ({@link System#nanoTime});
     * its duration goes to {@code commitMillis}.
     */
    long commit(int user, String tag, List<Double> commitMillis) throws Exception {
        for (int attempt = 1; ; attempt++) {
            long sentAt = System.nanoTime();
            try {
                HttpResponse<String> r = api.createFolder(userAuth.get(user), "/longpoll-bench/" + tag + "-" + user);
                commitMillis.add((System.nanoTime() - sentAt) / 1e6);
                // 409 on a retry: the first attempt was committed but its answer lost.
                if (r.statusCode() != 201 && !(attempt > 1 && r.statusCode() == 409)) {
                    throw new IllegalStateException("create_folder: " + r.statusCode() + " " + r.body());
                }
                return sentAt;
            } catch (java.io.IOException e) {
                // A kept-alive connection the server closed as we reused it: send again, as a client would.
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Waits until {@code done} holds, logging {@code progress} every 5 s; false after {@code seconds}. */
    boolean await(BooleanSupplier done, int seconds, java.util.function.Supplier<String> progress)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long nextLog = System.nanoTime();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (System.nanoTime() >= nextLog) {
                log(progress.get());
                nextLog = System.nanoTime() + 5_000_000_000L;
            }
            Thread.sleep(200);
        }
        return true;
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    static String millis(List<Double> values) {
        return String.format(
                "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)",
                percentile(values, 50),
                percentile(values, 90),
                percentile(values, 99),
                percentile(values, 100),
                values.size());
    }

    void result(String line) {
        log("RESULT " + line);
        report.add("- " + line);
    }

    static void log(String message) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), message);
    }

    private void finish() throws Exception {
        String out = option("out", "");
        if (!out.isEmpty()) {
            Files.write(Path.of(out), report);
        }
        System.out.println();
        report.forEach(System.out::println);
        System.exit(0);
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(option(name, Integer.toString(fallback)));
    }

    DriveApi api() {
        return api;
    }

    ServerProbe server() {
        return server;
    }

    List<PollClient> clients() {
        return clients;
    }

    int devicesPerUser() {
        return devicesPerUser;
    }
}
