package drive.bench.longpoll;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds {@code clients} long polls on the instance (opened at up to {@code ramp-rate} per second,
 * with at most {@code ramp-window} sent but not yet waiting on the server) and
 * compares the server's heap after GC, threads and descriptors with none waiting; then wakes them
 * all with one change per user and measures how long each waited for its answer.
 */
final class CapacityPhase {

    private final LongPollBench bench;

    CapacityPhase(LongPollBench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        List<PollClient> clients = bench.clients();
        int n = clients.size();
        int users = (n + bench.devicesPerUser() - 1) / bench.devicesPerUser();
        ServerProbe server = bench.server();
        DriveApi api = bench.api();
        String[] cursors = bench.cursors(users);

        long heap0 = server.heapAfterGcKiB();
        int threads0 = server.threads();
        long files0 = server.openFiles();
        long rss0 = server.rssKiB();
        LongPollBench.log("capacity: no waiters: heap " + heap0 + " KiB, " + threads0 + " threads, " + files0
                + " fds, load " + ServerProbe.load());

        int rate = bench.integer("ramp-rate", 250);
        int window = bench.integer("ramp-window", 500);
        PollClient.Stats stats = new PollClient.Stats();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            clients.get(i).start(cursors[clients.get(i).user], stats);
            if (i % 50 == 49) {
                // Adaptive: at most ramp-window polls on their way in (sent, not yet waiting on the
                // server), so the ramp goes as fast as this machine can take new TLS connections.
                int sent = i + 1;
                while (sent - api.gauge("waiters") > window) {
                    Thread.sleep(200);
                }
            }
            if (i % (rate / 10) == rate / 10 - 1) {
                long due = start + (i + 1) * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
        boolean all = bench.await(
                () -> api.gauge("waiters") >= n,
                900,
                () -> "capacity: waiting " + api.gauge("waiters") + "/" + n + ", refused " + stats.refused + ", errors "
                        + stats.errors + " " + stats.lastError);
        double rampSeconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2000);
        long waiting = api.gauge("waiters");
        long heapN = server.heapAfterGcKiB();
        int threadsN = server.threads();
        long filesN = server.openFiles();
        long rssN = server.rssKiB();
        long statusMs = api.statusMillis();
        String threadNames = server.threadNames();
        bench.result(String.format(
                "capacity: %d polls held at once (%s; ramp at ≤ %d/s with ≤ %d on their way in took %.1f s, %d refused with 503 on the way, %d"
                        + " connection errors)",
                waiting,
                all ? "all" : "NOT all of " + n,
                rate,
                window,
                rampSeconds,
                stats.refused.get(),
                stats.errors.get()));
        bench.result(String.format(
                "capacity: server heap after GC %d → %d KiB: **%.1f KiB per waiting client** (connection, TLS,"
                        + " suspended request, registry); RSS %d → %d MiB",
                heap0, heapN, (heapN - heap0) / (double) Math.max(1, waiting), rss0 / 1024, rssN / 1024));
        bench.result(String.format(
                "capacity: server threads %d → %d with %d waiting (no thread per waiter); open files %d → %d;"
                        + " /api/status answered in %d ms meanwhile; load %s",
                threads0, threadsN, waiting, files0, filesN, statusMs, ServerProbe.load()));
        bench.result("capacity: the most numerous server threads then: " + threadNames);

        List<Double> commitMillis = new ArrayList<>();
        long[] sentAt = bench.commitPerUser(users, "capacity-" + System.currentTimeMillis(), commitMillis);
        boolean woken = bench.await(
                () -> clients.stream().allMatch(PollClient::answered),
                300,
                () -> "capacity: woken " + stats.answered + "/" + n);
        List<Double> latency = new ArrayList<>();
        for (PollClient c : clients) {
            if (c.answered()) {
                latency.add((c.answeredAt - sentAt[c.user]) / 1e6);
            }
        }
        bench.result(String.format(
                "capacity: waking all %d (%s) by %d commits one after another, commit sent → answer: %s;"
                        + " commits took %s",
                n,
                woken ? "all answered" : "NOT all answered",
                users,
                LongPollBench.millis(latency),
                LongPollBench.millis(commitMillis)));
    }
}
