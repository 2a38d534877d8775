package drive.sync.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The journal counter of one namespace: the last sequence number handed out and the highest one
 * pruned. Writers lock this row (pessimistically) to number their entries and hold the lock until
 * they commit, which makes sequence order equal commit order (see {@code drive.sync.control.JournalWriter}).
 */
@Entity
@Table(name = "change_journal")
public class ChangeJournal {

    @Id
    @Column(name = "namespace_id")
    private Long namespaceId;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "floor_seq", nullable = false)
    private long floorSeq;

    protected ChangeJournal() {}

    public ChangeJournal(long namespaceId) {
        this.namespaceId = namespaceId;
    }

    /** Hands out the next sequence number (the caller holds the row's lock). */
    public long next() {
        return ++lastSeq;
    }

    /** Entries up to {@code seq} were pruned; a cursor below it can no longer be served. */
    public void prunedThrough(long seq) {
        if (seq > floorSeq) {
            floorSeq = Math.min(seq, lastSeq);
        }
    }

    public Long getNamespaceId() {
        return namespaceId;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public long getFloorSeq() {
        return floorSeq;
    }
}
