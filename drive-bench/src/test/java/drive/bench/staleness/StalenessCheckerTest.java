package drive.bench.staleness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StalenessCheckerTest {

    private static Operation write(long invoked, long completed, long revision) {
        return new Operation(true, "i0", "restore", "/f", invoked, completed, revision);
    }

    private static Operation read(long invoked, long completed, long revision) {
        return new Operation(false, "i1", "info", "/f", invoked, completed, revision);
    }

    @Test
    void aReadOfAnOlderRevisionAfterTheWriteCompletedIsStale() {
        List<StalenessChecker.Stale> stale =
                StalenessChecker.check(List.of(write(0, 10, 1), write(20, 30, 2), read(40, 45, 1)));
        assertThat(stale).hasSize(1);
        assertThat(stale.get(0).read().revision()).isEqualTo(1);
        assertThat(stale.get(0).newerWrite().revision()).isEqualTo(2);
    }

    @Test
    void aReadConcurrentWithTheWriteMaySeeEitherRevision() {
        assertThat(StalenessChecker.check(List.of(write(0, 10, 1), write(20, 30, 2), read(25, 35, 1), read(29, 31, 2))))
                .isEmpty();
    }

    @Test
    void aReadThatBeganTheInstantTheWriteCompletedIsConcurrent() {
        assertThat(StalenessChecker.check(List.of(write(20, 30, 2), read(30, 35, 1))))
                .isEmpty();
    }

    @Test
    void aNewerRevisionThanAnyCompletedWriteIsFine() {
        assertThat(StalenessChecker.check(List.of(write(0, 10, 1), read(12, 14, 5))))
                .isEmpty();
    }

    @Test
    void theNewestCompletedWriteCountsEvenIfAnOlderOneCompletedLater() {
        // revision 3's write completed at 30, revision 2's (slower) at 50: a read at 40 must see at least 3
        List<Operation> history = List.of(write(0, 50, 2), write(20, 30, 3), read(40, 41, 2), read(60, 61, 3));
        assertThat(StalenessChecker.check(history))
                .extracting(s -> s.read().invoked())
                .containsExactly(40L);
    }

    @Test
    void filesAreCheckedSeparately() {
        Operation otherWrite = new Operation(true, "i0", "restore", "/g", 0, 10, 7);
        assertThat(StalenessChecker.check(List.of(otherWrite, write(0, 10, 1), read(20, 21, 1))))
                .isEmpty();
    }

    @Test
    void historyLinesRoundTrip() {
        Operation op = new Operation(false, "i1", "list", "/a b/f0.txt", 12, 34, 5);
        assertThat(Operation.parse(op.line())).isEqualTo(op);
    }
}
