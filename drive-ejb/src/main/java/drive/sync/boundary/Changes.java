package drive.sync.boundary;

import drive.platform.control.DriveException;
import drive.sharing.control.Access;
import drive.sharing.control.Mount;
import drive.sync.control.ChangePage;
import drive.sync.control.ChangeView;
import drive.sync.control.Cursor;
import drive.sync.control.CursorResetException;
import drive.sync.entity.ChangeEntry;
import drive.sync.entity.ChangeJournal;
import drive.users.control.Caller;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the change journal by cursor: the latest cursor, the entries after one (paged), and whether
 * any exist (for long polls). A cursor covers every namespace the caller sees — for now only their
 * own root and the namespaces of the shares they added to their drive ({@link Access#mounts}).
 * Entries of a shared namespace are shown only where they lie inside a shared entry, with the paths
 * the caller sees ({@code /<mount>/…}); the cursor still moves past the others. Reads take no
 * locks: entries become visible in sequence order (see {@code JournalWriter}).
 */
@Stateless
public class Changes {

    public static final int MAX_LIMIT = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    public String latestCursor(Caller caller) {
        Map<Long, Long> positions = new TreeMap<>();
        journals(visible(caller)).forEach(j -> positions.put(j.getNamespaceId(), j.getLastSeq()));
        return new Cursor(positions).encode();
    }

    /**
     * The cursor {@code text}, checked: well-formed, only namespaces the caller sees (else 400, the
     * same answer as for garbage), not past the journal's end (400), not before its kept history
     * ({@link CursorResetException}). Namespaces the caller sees but the cursor lacks start at 0.
     */
    public Cursor checked(Caller caller, String text) {
        Cursor cursor = Cursor.decode(text);
        if (!cursor.positions().containsKey(access.ownNamespace(caller))) {
            throw Cursor.invalid(); // someone else's cursor: the same answer as for garbage
        }
        List<Long> visible = visible(caller);
        Cursor complete = new Cursor(Map.of());
        for (ChangeJournal journal : journals(visible)) {
            // a share added since the cursor was made starts now (its "shared" entry says: list it);
            // the namespace of a share that went away is dropped (its "unshared" entry says so)
            long after = cursor.positions().containsKey(journal.getNamespaceId())
                    ? cursor.after(journal.getNamespaceId())
                    : journal.getLastSeq();
            if (after > journal.getLastSeq()) {
                throw Cursor.invalid();
            }
            if (after < journal.getFloorSeq()) {
                throw new CursorResetException();
            }
            complete = complete.with(journal.getNamespaceId(), after);
        }
        return complete;
    }

    /** Up to {@code limit} entries after the cursor, oldest first, and the cursor after them. */
    public ChangePage list(Caller caller, String text, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DriveException.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        Cursor cursor = checked(caller, text);
        Map<Long, List<Mount>> mounts = mountsByNamespace(caller);
        List<ChangeView> entries = new ArrayList<>();
        boolean more = false;
        for (Map.Entry<Long, Long> position : cursor.positions().entrySet()) {
            int room = limit - entries.size();
            List<ChangeEntry> page = em.createNamedQuery(ChangeEntry.AFTER, ChangeEntry.class)
                    .setParameter("namespace", position.getKey())
                    .setParameter("after", position.getValue())
                    .setMaxResults(room + 1)
                    .getResultList();
            more |= page.size() > room;
            List<Mount> through = mounts.get(position.getKey());
            for (ChangeEntry entry : page.subList(0, Math.min(room, page.size()))) {
                ChangeView view = through == null ? ChangeView.of(entry) : ChangeView.through(entry, through);
                if (view != null) {
                    entries.add(view);
                }
                cursor = cursor.with(position.getKey(), entry.getSeq());
            }
        }
        return new ChangePage(entries, cursor.encode(), more);
    }

    /** Whether any namespace of the (checked) cursor has entries after it. */
    public boolean changedSince(Cursor cursor) {
        return journals(List.copyOf(cursor.positions().keySet())).stream()
                .anyMatch(j -> j.getLastSeq() > cursor.after(j.getNamespaceId()));
    }

    /** Every namespace with a journal, for the retention timer. */
    public List<Long> namespaces() {
        return em.createQuery("SELECT j.namespaceId FROM ChangeJournal j ORDER BY j.namespaceId", Long.class)
                .getResultList();
    }

    /**
     * Removes the namespace's entries written before {@code before}; cursors older than the newest
     * removed entry get a reset from then on. Returns how many entries were removed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int prune(long namespaceId, Instant before) {
        Long through = em.createQuery(
                        "SELECT MAX(e.seq) FROM ChangeEntry e WHERE e.namespaceId = :ns AND e.created < :before",
                        Long.class)
                .setParameter("ns", namespaceId)
                .setParameter("before", before)
                .getSingleResult();
        if (through == null) {
            return 0;
        }
        ChangeJournal journal = em.find(ChangeJournal.class, namespaceId, LockModeType.PESSIMISTIC_WRITE);
        journal.prunedThrough(through);
        return em.createQuery("DELETE FROM ChangeEntry e WHERE e.namespaceId = :ns AND e.seq <= :through")
                .setParameter("ns", namespaceId)
                .setParameter("through", through)
                .executeUpdate();
    }

    /** The namespaces whose changes the caller may read: their own root and those of their mounted shares. */
    List<Long> visible(Caller caller) {
        List<Long> visible = new ArrayList<>(List.of(access.ownNamespace(caller)));
        mountsByNamespace(caller).keySet().stream()
                .filter(ns -> !visible.contains(ns))
                .forEach(visible::add);
        return visible;
    }

    /** The caller's mounts by the namespace they lead into (never the caller's own). */
    private Map<Long, List<Mount>> mountsByNamespace(Caller caller) {
        Map<Long, List<Mount>> byNamespace = new HashMap<>();
        for (Mount mount : access.mounts(caller)) {
            byNamespace
                    .computeIfAbsent(mount.namespaceId(), k -> new ArrayList<>())
                    .add(mount);
        }
        return byNamespace;
    }

    private List<ChangeJournal> journals(List<Long> namespaces) {
        if (namespaces.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "SELECT j FROM ChangeJournal j WHERE j.namespaceId IN :ids ORDER BY j.namespaceId",
                        ChangeJournal.class)
                .setParameter("ids", namespaces)
                .getResultList();
    }
}
