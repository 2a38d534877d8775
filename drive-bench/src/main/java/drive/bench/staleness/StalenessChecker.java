package drive.bench.staleness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a history for stale reads: a read of a file that returned revision r is stale if some write
 * of that file had <em>completed</em> (its answer received) before the read was <em>invoked</em> and
 * made a revision newer than r. Revisions of a file only grow, so the newest revision completed
 * before the read began is a lower bound for what the read may return; reads concurrent with a write
 * may return either. Failed operations are not in the history.
 *
 * <p>{@code java -cp benchmarks.jar drive.bench.staleness.StalenessChecker history.tsv}: prints a
 * summary and up to ten stale reads; exits 1 if there is one, 2 if the history is empty.
 */
public final class StalenessChecker {

    /** A read that returned a revision older than one whose write had completed before it began. */
    public record Stale(Operation read, Operation newerWrite) {
        @Override
        public String toString() {
            return "read of " + read.file() + " (" + read.what() + " on " + read.instance() + ") returned revision "
                    + read.revision() + ", but the write of revision " + newerWrite.revision() + " (on "
                    + newerWrite.instance() + ") had completed " + (read.invoked() - newerWrite.completed()) / 1_000_000
                    + " ms before the read began";
        }
    }

    /** The writes of one file by completion time, with the newest revision completed so far at each. */
    private static final class Writes {
        private final long[] completed;
        private final Operation[] newestSoFar;

        Writes(List<Operation> writes) {
            writes.sort(Comparator.comparingLong(Operation::completed));
            completed = new long[writes.size()];
            newestSoFar = new Operation[writes.size()];
            Operation newest = null;
            for (int i = 0; i < writes.size(); i++) {
                Operation w = writes.get(i);
                if (newest == null || w.revision() > newest.revision()) {
                    newest = w;
                }
                completed[i] = w.completed();
                newestSoFar[i] = newest;
            }
        }

        /** The write of the newest revision among those completed strictly before {@code time}; null if none. */
        Operation newestCompletedBefore(long time) {
            int i = Arrays.binarySearch(completed, time);
            int before = (i >= 0 ? firstIndexOf(i, time) : -i - 1) - 1;
            return before < 0 ? null : newestSoFar[before];
        }

        private int firstIndexOf(int i, long time) {
            while (i > 0 && completed[i - 1] == time) {
                i--;
            }
            return i;
        }
    }

    public static List<Stale> check(List<Operation> history) {
        Map<String, List<Operation>> writesByFile = new HashMap<>();
        history.stream().filter(Operation::write).forEach(w -> writesByFile
                .computeIfAbsent(w.file(), f -> new ArrayList<>())
                .add(w));
        Map<String, Writes> writes = new HashMap<>();
        writesByFile.forEach((file, list) -> writes.put(file, new Writes(list)));
        List<Stale> stale = new ArrayList<>();
        for (Operation read : history) {
            if (read.write() || !writes.containsKey(read.file())) {
                continue;
            }
            Operation newest = writes.get(read.file()).newestCompletedBefore(read.invoked());
            if (newest != null && newest.revision() > read.revision()) {
                stale.add(new Stale(read, newest));
            }
        }
        return stale;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StalenessChecker history.tsv");
            System.exit(64);
        }
        List<Operation> history = Files.readAllLines(Path.of(args[0])).stream()
                .filter(line -> !line.isBlank())
                .map(Operation::parse)
                .toList();
        long reads = history.stream().filter(o -> !o.write()).count();
        long writes = history.size() - reads;
        List<Stale> stale = check(history);
        System.out.println(
                "staleness check: " + reads + " reads against " + writes + " writes: " + stale.size() + " stale");
        stale.stream().limit(10).forEach(s -> System.out.println("  stale: " + s));
        System.exit(history.isEmpty() || reads == 0 || writes == 0 ? 2 : stale.isEmpty() ? 0 : 1);
    }
}
