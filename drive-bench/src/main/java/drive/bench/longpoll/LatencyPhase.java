package drive.bench.longpoll;

import java.util.ArrayList;
import java.util.List;

/**
 * Commit → answer latency with {@code latency-clients} polls waiting: each round, once every client
 * waits, each user makes one change ({@code create_folder}, with a pause of {@code pause-ms}
 * between users); a sample is the time from sending the user's commit to one of the user's
 * waiters receiving {@code {changes: true}}. Clients then take the new cursor and poll again.
 */
final class LatencyPhase {

    private final LongPollBench bench;

    LatencyPhase(LongPollBench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        int n = Math.min(bench.integer("latency-clients", 1000), bench.clients().size());
        List<PollClient> clients = bench.clients().subList(0, n);
        int users = (n + bench.devicesPerUser() - 1) / bench.devicesPerUser();
        int rounds = bench.integer("rounds", 3);
        int pause = bench.integer("pause-ms", 20);
        DriveApi api = bench.api();
        List<Double> latency = new ArrayList<>();
        List<Double> afterCommit = new ArrayList<>();
        List<Double> commitMillis = new ArrayList<>();
        PollClient.Stats stats = new PollClient.Stats();
        for (int round = 0; round < rounds; round++) {
            String[] cursors = bench.cursors(users);
            clients.forEach(c -> c.start(cursors[c.user], stats));
            if (!bench.await(() -> api.gauge("waiters") >= n, 300, () -> "latency: waiting " + api.gauge("waiters"))) {
                throw new IllegalStateException("latency: not all " + n + " clients got to wait");
            }
            Thread.sleep(1000);
            long[] sentAt = new long[users];
            long[] doneAt = new long[users];
            String tag = "latency-" + System.currentTimeMillis();
            for (int u = 0; u < users; u++) {
                sentAt[u] = bench.commit(u, tag, commitMillis);
                doneAt[u] = System.nanoTime();
                Thread.sleep(pause);
            }
            if (!bench.await(
                    () -> clients.stream().allMatch(PollClient::answered),
                    120,
                    () -> "latency: woken " + stats.answered)) {
                throw new IllegalStateException("latency: not every client was woken");
            }
            for (PollClient c : clients) {
                latency.add((c.answeredAt - sentAt[c.user]) / 1e6);
                afterCommit.add((c.answeredAt - doneAt[c.user]) / 1e6);
            }
            LongPollBench.log("latency: round " + (round + 1) + ": " + LongPollBench.millis(latency));
        }
        bench.result(String.format(
                "latency: %d waiting (%d users × %d devices), %d rounds, commit sent → {changes: true}: **%s**;"
                        + " from the commit's 201 arriving (negative: the poll's answer came first): %s;"
                        + " the commits themselves (create_folder, Basic auth): %s; %d refused, %d errors; load %s",
                n,
                users,
                bench.devicesPerUser(),
                rounds,
                LongPollBench.millis(latency),
                LongPollBench.millis(afterCommit),
                LongPollBench.millis(commitMillis),
                stats.refused.get(),
                stats.errors.get(),
                ServerProbe.load()));
    }
}
