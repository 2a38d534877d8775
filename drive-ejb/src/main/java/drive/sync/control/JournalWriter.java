package drive.sync.control;

import drive.devices.entity.Device;
import drive.sync.entity.ChangeEntry;
import drive.sync.entity.ChangeJournal;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The one place that writes journal entries: appends each {@link FileChanged} to its namespace's
 * journal in the transaction of the change (an observer {@code during = IN_PROGRESS}, the default),
 * so the entry and the change commit together or not at all — and so do the entry's messages in the
 * devices' offline queues ({@link OfflineQueues}).
 *
 * <p><b>Sequence numbers.</b> The next number comes from the namespace's {@link ChangeJournal} row,
 * read {@code PESSIMISTIC_WRITE} ({@code SELECT … FOR UPDATE}) and incremented; the row lock is held
 * until the transaction ends. A second transaction writing to the same namespace therefore waits at
 * that {@code SELECT} until the first has committed (then it reads the committed counter and takes
 * the next numbers) or rolled back (then it takes the same numbers the first gave up). Numbers are
 * handed out in commit order, without gaps: whoever can read entry n+1 can already read entry n, so
 * a reader that has seen 11 never sees 10 appear later, and a cursor "after n" never skips anything.
 *
 * <p><b>Deadlocks.</b> The counter lock is the last lock a transaction takes: this observer flushes
 * the transaction's pending changes (taking their row locks) before it locks the counter, and
 * facades fire their events after their last change. No foreign key points at {@code change_journal},
 * so inserts elsewhere never lock it. Two transactions can thus wait for the counter, never for each other.
 */
@ApplicationScoped
public class JournalWriter {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<JournalTail> tails;

    @Inject
    OfflineQueues offline;

    void append(@Observes FileChanged change) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("a change must be journaled in the transaction that makes it");
        }
        em.flush();
        ChangeJournal journal = lockedJournal(change.namespaceId());
        Device device = change.by().deviceId() == null
                ? null
                : em.find(Device.class, change.by().deviceId());
        ChangeEntry entry = new ChangeEntry(
                        change.namespaceId(),
                        change.kind(),
                        change.path(),
                        change.previousPath(),
                        change.folder(),
                        change.revision(),
                        change.size(),
                        change.sha256())
                .by(
                        change.by().username(),
                        device == null ? null : device.getId(),
                        device == null ? null : device.getName())
                .number(journal.next());
        em.persist(entry);
        offline.enqueue(entry);
        tail(change.namespaceId()).advance(entry.getSeq());
    }

    /** The namespace's counter, locked until the transaction ends; created for a namespace that has none yet. */
    private ChangeJournal lockedJournal(long namespaceId) {
        ChangeJournal journal = em.find(ChangeJournal.class, namespaceId, LockModeType.PESSIMISTIC_WRITE);
        if (journal == null) { // namespaces get theirs when created (Users.create); this covers any other
            em.persist(new ChangeJournal(namespaceId));
            em.flush();
            journal = em.find(ChangeJournal.class, namespaceId, LockModeType.PESSIMISTIC_WRITE);
        }
        return journal;
    }

    /** This transaction's tail of the namespace's journal; the first call fires it for {@link ChangeNotifier}. */
    private JournalTail tail(long namespaceId) {
        String key = JournalTail.class.getName() + "." + namespaceId;
        JournalTail tail = (JournalTail) transactions.getResource(key);
        if (tail == null) {
            tail = new JournalTail(namespaceId);
            transactions.putResource(key, tail);
            tails.fire(tail);
        }
        return tail;
    }
}
