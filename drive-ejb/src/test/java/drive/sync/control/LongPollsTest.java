package drive.sync.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import drive.platform.control.DriveException;
import drive.platform.control.RetryLaterException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LongPollsTest {

    LongPolls cut = new LongPolls();

    @Test
    void commitAfterTheCursorWakesTheWaiterOnce() {
        AtomicInteger answers = new AtomicInteger();
        cut.register(Cursor.of(1, 10), answers::incrementAndGet);

        cut.wake(1, 11);
        cut.wake(1, 12);

        assertThat(answers).hasValue(1);
        assertThat(cut.count()).isZero();
    }

    @Test
    void commitTheCursorAlreadySawOrOfAnotherNamespaceWakesNobody() {
        AtomicInteger answers = new AtomicInteger();
        cut.register(Cursor.of(1, 10), answers::incrementAndGet);

        cut.wake(1, 10);
        cut.wake(2, 99);

        assertThat(answers).hasValue(0);
        assertThat(cut.count()).isEqualTo(1);
    }

    @Test
    void answeredOrRemovedWaiterIsNotWokenAgain() {
        AtomicInteger answers = new AtomicInteger();
        LongPolls.Waiter timedOut = cut.register(Cursor.of(1, 0), answers::incrementAndGet);
        assertThat(timedOut.claim()).isTrue(); // the timeout answered it
        LongPolls.Waiter gone = cut.register(Cursor.of(1, 0), answers::incrementAndGet);
        cut.remove(gone);

        cut.wake(1, 1);

        assertThat(answers).hasValue(0);
        assertThat(cut.count()).isZero();
    }

    @Test
    void fullInstanceRefusesWithAJitteredDelayUntilAWaiterLeaves() {
        cut.maxWaiters = 2;
        cut.retrySeconds = 10;
        LongPolls.Waiter first = cut.register(Cursor.of(1, 0), () -> {});
        cut.register(Cursor.of(2, 0), () -> {});

        Set<Integer> delays = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            RetryLaterException refused = catchThrowableOfType(RetryLaterException.class, () -> cut.admit());
            assertThat(refused.kind()).isEqualTo(DriveException.Kind.UNAVAILABLE);
            delays.add(refused.retryAfterSeconds());
        }
        assertThat(delays).allMatch(s -> s >= 10 && s <= 20).hasSizeGreaterThan(5);
        assertThat(cut.refused()).isEqualTo(200);

        cut.remove(first);
        cut.remove(first); // twice: counted once
        assertThat(cut.count()).isEqualTo(1);
        cut.admit().close();
    }

    @Test
    void tooManyAdmissionsAtOnceAreRefusedUntilOneCloses() {
        cut.maxAdmitting = 2;
        cut.retrySeconds = 5;
        LongPolls.Admission a = cut.admit();
        cut.admit();

        RetryLaterException refused = catchThrowableOfType(RetryLaterException.class, () -> cut.admit());
        assertThat(refused.retryAfterSeconds()).isBetween(1, 5);
        assertThat(cut.admitting()).isEqualTo(2);

        a.close();
        a.close(); // twice: released once
        assertThat(cut.admitting()).isEqualTo(1);
        cut.admit();
        assertThatThrownBy(() -> cut.admit()).isInstanceOf(RetryLaterException.class);
    }

    @Test
    void unsetCapIsWhatHalfTheHeapHolds() {
        cut.maxWaiters = 0;
        assertThat(cut.maxWaiters())
                .isEqualTo((int) (Runtime.getRuntime().maxMemory() / 2 / LongPolls.HEAP_PER_WAITER));
        cut.maxWaiters = 7;
        assertThat(cut.maxWaiters()).isEqualTo(7);
    }
}
