package drive.sync.control;

import static org.assertj.core.api.Assertions.assertThat;

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
}
