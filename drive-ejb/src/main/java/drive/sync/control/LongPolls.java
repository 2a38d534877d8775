package drive.sync.control;

import drive.platform.control.RetryLaterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.annotation.Gauge;

/**
 * The long polls waiting on this instance, by namespace. A waiter holds no thread, only the callback
 * that answers its suspended request; it is answered at most once (woken, timed out or cancelled).
 *
 * <p><b>No lost wake-up.</b> A poll {@link #register registers} first and only then checks the
 * journal for entries after its cursor. A commit {@link #wake wakes} this namespace's waiters only
 * after it succeeded. So either the waiter was registered before the wake looked at the registry
 * (the wake answers it), or it registered after the wake started, hence after the commit, and its
 * own check of the journal sees the committed entry (it answers itself).
 *
 * <p><b>Admission.</b> Before a poll costs anything (authentication, cursor check, registration) it
 * must be {@link #admit admitted}: refused, with a jittered retry delay, when the instance already
 * holds {@link #maxWaiters} polls (by default what half the heap holds) or when {@code drive.longpoll.max-admitting} polls
 * are already on their way in — a reconnect storm is then answered with cheap 503s that spread the
 * clients out, instead of queueing them all behind the database.
 */
@ApplicationScoped
public class LongPolls {

    /** Heap one waiting client costs, rounded up from the 83 KiB measured (README, Performance). */
    static final long HEAP_PER_WAITER = 96 * 1024;

    /** 0: as many as half the heap holds at {@link #HEAP_PER_WAITER} (≈ 5 400 with -Xmx1g). */
    @Inject
    @ConfigProperty(name = "drive.longpoll.max-waiters", defaultValue = "0")
    int maxWaiters = 0;

    @Inject
    @ConfigProperty(name = "drive.longpoll.max-admitting", defaultValue = "64")
    int maxAdmitting = 64;

    @Inject
    @ConfigProperty(name = "drive.longpoll.retry-seconds", defaultValue = "10")
    int retrySeconds = 10;

    private final Map<Long, Set<Waiter>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger admitting = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();

    /** One suspended poll: where its cursor stands, and how to answer it. */
    public static final class Waiter {
        private final Cursor cursor;
        private final Runnable onChange;
        private final AtomicBoolean answered = new AtomicBoolean();
        private final AtomicBoolean removed = new AtomicBoolean();

        private Waiter(Cursor cursor, Runnable onChange) {
            this.cursor = cursor;
            this.onChange = onChange;
        }

        /** Claims the single answer of this poll; false if it was already answered. */
        public boolean claim() {
            return answered.compareAndSet(false, true);
        }
    }

    /** A poll on its way in; holds one admission slot until closed (closing twice is harmless). */
    public final class Admission implements AutoCloseable {
        private final AtomicBoolean closed = new AtomicBoolean();

        private Admission() {}

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                admitting.decrementAndGet();
            }
        }
    }

    /**
     * Lets one more poll in, or refuses it with a {@link RetryLaterException} whose delay is drawn
     * at random (1 to {@code retry-seconds} when busy; {@code retry-seconds} to twice that when full,
     * since a full instance empties only as polls time out).
     */
    public Admission admit() {
        int maxWaiters = maxWaiters();
        if (count.get() >= maxWaiters) {
            refused.incrementAndGet();
            throw new RetryLaterException(
                    "this server holds as many long polls as it may (" + maxWaiters + "); try again later",
                    retrySeconds + ThreadLocalRandom.current().nextInt(retrySeconds + 1));
        }
        if (admitting.incrementAndGet() > maxAdmitting) {
            admitting.decrementAndGet();
            refused.incrementAndGet();
            throw new RetryLaterException(
                    "too many long polls are arriving at once; try again later",
                    1 + ThreadLocalRandom.current().nextInt(Math.max(1, retrySeconds)));
        }
        return new Admission();
    }

    /** {@code drive.longpoll.max-waiters}, or when 0 what half the heap holds. */
    public int maxWaiters() {
        return maxWaiters > 0
                ? maxWaiters
                : (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 2 / HEAP_PER_WAITER);
    }

    public Waiter register(Cursor cursor, Runnable onChange) {
        Waiter waiter = new Waiter(cursor, onChange);
        count.incrementAndGet();
        for (Long namespace : cursor.positions().keySet()) {
            waiting.compute(namespace, (k, set) -> {
                Set<Waiter> waiters = set == null ? ConcurrentHashMap.newKeySet() : set;
                waiters.add(waiter);
                return waiters;
            });
        }
        return waiter;
    }

    /** Forgets the waiter (answered, timed out, or the client went away); idempotent. */
    public void remove(Waiter waiter) {
        if (!waiter.removed.compareAndSet(false, true)) {
            return;
        }
        for (Long namespace : waiter.cursor.positions().keySet()) {
            waiting.computeIfPresent(namespace, (k, set) -> {
                set.remove(waiter);
                return set.isEmpty() ? null : set;
            });
        }
        count.decrementAndGet();
    }

    /** Answers the waiters of {@code namespaceId} whose cursor is before {@code seq}; idempotent. */
    public void wake(long namespaceId, long seq) {
        Set<Waiter> waiters = waiting.get(namespaceId);
        if (waiters == null) {
            return;
        }
        for (Waiter waiter : waiters) {
            if (waiter.cursor.after(namespaceId) < seq) {
                remove(waiter);
                if (waiter.claim()) {
                    waiter.onChange.run();
                }
            }
        }
    }

    /** How many polls wait on this instance. */
    @Gauge(name = "drive.longpoll.waiters", unit = "none", absolute = true, description = "long polls waiting")
    public int count() {
        return count.get();
    }

    /** How many polls are being admitted (authenticated, checked) right now. */
    @Gauge(name = "drive.longpoll.admitting", unit = "none", absolute = true, description = "long polls being admitted")
    public int admitting() {
        return admitting.get();
    }

    /** How many polls were refused with a 503 since start. */
    @Gauge(name = "drive.longpoll.refused", unit = "none", absolute = true, description = "long polls refused (503)")
    public long refused() {
        return refused.get();
    }
}
