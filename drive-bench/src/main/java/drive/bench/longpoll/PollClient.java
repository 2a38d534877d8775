package drive.bench.longpoll;

import java.net.http.HttpResponse;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated sync client (one device, one bearer token) holding a long poll, as a well-behaved
 * client does: on {@code 503} it waits the server's {@code Retry-After} and polls again; on a
 * failed connection it backs off exponentially (1 s doubling to 32 s, jittered); on
 * {@code {changes: true}} it records when the answer arrived and stops until {@link #start}ed again.
 */
final class PollClient {

    /** Counts shared by all clients of a phase. */
    static final class Stats {
        final AtomicLong attempts = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong timedOut = new AtomicLong();
        final AtomicLong answered = new AtomicLong();
        final AtomicInteger minRetryAfter = new AtomicInteger(Integer.MAX_VALUE);
        final AtomicInteger maxRetryAfter = new AtomicInteger();
        final AtomicInteger maxAttemptsOfOne = new AtomicInteger();
        final AtomicInteger clientsRefused = new AtomicInteger();
        volatile String lastError = "";
    }

    final int user;
    final String authorization;
    volatile String cursor;
    volatile long answeredAt;

    private final DriveApi api;
    private final ScheduledExecutorService retries;
    private volatile Stats stats;
    private int attempts;
    private int failures;
    private boolean refusedOnce;

    PollClient(DriveApi api, ScheduledExecutorService retries, int user, String token) {
        this.api = api;
        this.retries = retries;
        this.user = user;
        this.authorization = DriveApi.bearer(token);
    }

    /** Starts polling with {@code cursor}, counting into {@code stats}. */
    void start(String cursor, Stats stats) {
        this.cursor = cursor;
        this.stats = stats;
        this.answeredAt = 0;
        this.attempts = 0;
        this.failures = 0;
        this.refusedOnce = false;
        attempt();
    }

    boolean answered() {
        return answeredAt != 0;
    }

    private void attempt() {
        attempts++;
        stats.attempts.incrementAndGet();
        stats.maxAttemptsOfOne.accumulateAndGet(attempts, Math::max);
        api.longpoll(authorization, cursor, 480).whenComplete((response, failure) -> {
            long now = System.nanoTime();
            if (failure != null) {
                stats.errors.incrementAndGet();
                stats.lastError = String.valueOf(failure);
                retryIn(backoffMillis());
            } else {
                answer(response, now);
            }
        });
    }

    private void answer(HttpResponse<String> response, long now) {
        switch (response.statusCode()) {
            case 200 -> {
                if (response.body().contains("\"changes\":true")) {
                    answeredAt = now;
                    stats.answered.incrementAndGet();
                } else {
                    stats.timedOut.incrementAndGet();
                    attempt();
                }
            }
            case 503 -> {
                int seconds = Integer.parseInt(
                        response.headers().firstValue("Retry-After").orElse("-1"));
                if (seconds < 0 || !response.body().contains("\"error\":\"unavailable\"")) {
                    stats.errors.incrementAndGet();
                    stats.lastError = "503 without Retry-After or JSON error: " + response.body();
                    seconds = 5;
                }
                stats.refused.incrementAndGet();
                if (!refusedOnce) {
                    refusedOnce = true;
                    stats.clientsRefused.incrementAndGet();
                }
                stats.minRetryAfter.accumulateAndGet(seconds, Math::min);
                stats.maxRetryAfter.accumulateAndGet(seconds, Math::max);
                retryIn(seconds * 1000L);
            }
            default -> {
                stats.errors.incrementAndGet();
                stats.lastError = response.statusCode() + " " + response.body();
                retryIn(backoffMillis());
            }
        }
    }

    private long backoffMillis() {
        long ceiling = 1000L << Math.min(5, failures++);
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    private void retryIn(long millis) {
        retries.schedule(this::attempt, millis, TimeUnit.MILLISECONDS);
    }
}
