package drive.sync.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The long polls waiting on this instance, by namespace. A waiter holds no thread, only the callback
 * that answers its suspended request; it is answered at most once (woken, timed out or cancelled).
 *
 * <p><b>No lost wake-up.</b> A poll {@link #register registers} first and only then checks the
 * journal for entries after its cursor. A commit {@link #wake wakes} this namespace's waiters only
 * after it succeeded. So either the waiter was registered before the wake looked at the registry
 * (the wake answers it), or it registered after the wake started, hence after the commit, and its
 * own check of the journal sees the committed entry (it answers itself).
 */
@ApplicationScoped
public class LongPolls {

    private final Map<Long, Set<Waiter>> waiting = new ConcurrentHashMap<>();

    /** One suspended poll: where its cursor stands, and how to answer it. */
    public static final class Waiter {
        private final Cursor cursor;
        private final Runnable onChange;
        private final AtomicBoolean answered = new AtomicBoolean();

        private Waiter(Cursor cursor, Runnable onChange) {
            this.cursor = cursor;
            this.onChange = onChange;
        }

        /** Claims the single answer of this poll; false if it was already answered. */
        public boolean claim() {
            return answered.compareAndSet(false, true);
        }
    }

    public Waiter register(Cursor cursor, Runnable onChange) {
        Waiter waiter = new Waiter(cursor, onChange);
        for (Long namespace : cursor.positions().keySet()) {
            waiting.compute(namespace, (k, set) -> {
                Set<Waiter> waiters = set == null ? ConcurrentHashMap.newKeySet() : set;
                waiters.add(waiter);
                return waiters;
            });
        }
        return waiter;
    }

    /** Forgets the waiter (answered, timed out, or the client went away). */
    public void remove(Waiter waiter) {
        for (Long namespace : waiter.cursor.positions().keySet()) {
            waiting.computeIfPresent(namespace, (k, set) -> {
                set.remove(waiter);
                return set.isEmpty() ? null : set;
            });
        }
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
    public int count() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }
}
