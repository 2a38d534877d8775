package drive.sync.control;

/**
 * The newest sequence number a transaction has appended to one namespace's journal. Fired once per
 * transaction and namespace, as the transaction's first entry there is written, and observed
 * {@code AFTER_SUCCESS} ({@link ChangeNotifier}): by then {@link #lastSeq} is final and committed.
 */
public final class JournalTail {

    private final long namespaceId;
    private volatile long lastSeq;

    JournalTail(long namespaceId) {
        this.namespaceId = namespaceId;
    }

    void advance(long seq) {
        lastSeq = Math.max(lastSeq, seq);
    }

    public long namespaceId() {
        return namespaceId;
    }

    public long lastSeq() {
        return lastSeq;
    }
}
