package drive.bench.longpoll;

import java.util.List;

/**
 * A reconnect storm: every client's poll is sent at the same moment (as after an instance or
 * network outage). Each second it samples the server — waiting polls, refusals, threads, and
 * whether {@code /api/status} still answers — until every client waits or {@code storm-seconds}
 * pass. The clients follow the server's {@code Retry-After}. Run it last: the polls are left
 * waiting (the script then stops the Drive).
 */
final class StormPhase {

    private final LongPollBench bench;

    StormPhase(LongPollBench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        List<PollClient> clients = bench.clients();
        int n = clients.size();
        int users = (n + bench.devicesPerUser() - 1) / bench.devicesPerUser();
        DriveApi api = bench.api();
        ServerProbe server = bench.server();
        String[] cursors = bench.cursors(users);
        long refusedBefore = api.gauge("refused");
        PollClient.Stats stats = new PollClient.Stats();
        int[] peakThreads = {server.threads()};
        long[] worstStatus = {0};
        int[] statusFailures = {0};

        long start = System.nanoTime();
        clients.forEach(c -> c.start(cursors[c.user], stats));
        LongPollBench.log("storm: " + n + " polls sent in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        boolean all = bench.await(() -> api.gauge("waiters") >= n, bench.integer("storm-seconds", 600), () -> {
            long status = api.statusMillis();
            if (status < 0) {
                statusFailures[0]++;
            }
            worstStatus[0] = Math.max(worstStatus[0], status);
            try {
                peakThreads[0] = Math.max(peakThreads[0], server.threads());
            } catch (Exception e) {
                statusFailures[0]++;
            }
            return "storm: waiting " + api.gauge("waiters") + "/" + n + ", refused " + stats.refused
                    + " (server: " + (api.gauge("refused") - refusedBefore) + "), errors " + stats.errors
                    + ", /api/status " + status + " ms, threads " + peakThreads[0] + ", load "
                    + ServerProbe.load();
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long alive = api.statusMillis();
        bench.result(String.format(
                "storm: %d polls at once → %s after %.1f s; %d answers were 503 (%d clients refused at least once,"
                        + " Retry-After %d–%d s, at most %d attempts for one client); %d connection errors%s;"
                        + " /api/status kept answering (slowest %d ms, %d failed probes; %d ms after);"
                        + " server threads peaked at %d; load %s",
                n,
                all ? "**all waiting**" : "NOT all waiting (" + api.gauge("waiters") + ")",
                seconds,
                stats.refused.get(),
                stats.clientsRefused.get(),
                stats.minRetryAfter.get() == Integer.MAX_VALUE ? 0 : stats.minRetryAfter.get(),
                stats.maxRetryAfter.get(),
                stats.maxAttemptsOfOne.get(),
                stats.errors.get(),
                stats.errors.get() > 0 ? " (last: " + stats.lastError + ")" : "",
                worstStatus[0],
                statusFailures[0],
                alive,
                peakThreads[0],
                ServerProbe.load()));
    }
}
