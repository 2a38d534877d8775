package drive.files.control;

import drive.files.entity.FileEntry;
import drive.files.entity.Namespace;
import drive.platform.control.DriveException;
import drive.users.control.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Folders, moves and recoverable deletion in the caller's namespace. A move rewrites the paths of
 * the entry and everything live below it but keeps their rows, so history (and pending uploads,
 * which refer to the row) follow. A deletion only marks rows: history and blocks stay, and an
 * undelete brings back the entry with what was deleted along with it.
 */
@Dependent
public class TreeOperations {

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeEntries entries;

    public FileEntry createFolder(Caller caller, DrivePath path) {
        Namespace ns = entries.namespace(caller);
        entries.makeRoom(ns, path);
        FileEntry folder = FileEntry.folder(ns, path.value(), path.parent().value(), path.name());
        em.persist(folder);
        return folder;
    }

    public FileEntry move(Caller caller, DrivePath from, DrivePath to) {
        checkNotIntoItself("move", from, to);
        Namespace ns = entries.namespace(caller);
        FileEntry source = entries.existing(ns, from);
        List<FileEntry> below = source.isFolder() ? entries.liveUnder(ns, from) : List.of();
        List<DrivePath> targets = below.stream()
                .map(entry -> TreeEntries.rebased(entry.getPath(), from, to))
                .toList();
        entries.makeRoom(ns, to);
        source.moveTo(to.value(), to.parent().value(), to.name());
        for (int i = 0; i < below.size(); i++) {
            DrivePath target = targets.get(i);
            below.get(i).moveTo(target.value(), target.parent().value(), target.name());
        }
        return source;
    }

    /** Refuses a move or copy of the root, onto itself, or of a folder into its own subtree. */
    static void checkNotIntoItself(String what, DrivePath from, DrivePath to) {
        if (from.isRoot()) {
            throw DriveException.invalid("cannot " + what + " the root folder '/'");
        }
        if (to.equals(from)) {
            throw DriveException.invalid("cannot " + what + " '" + from + "' onto itself");
        }
        if (to.value().startsWith(from.value() + "/")) {
            throw DriveException.invalid("cannot " + what + " '" + from + "' into itself ('" + to + "')");
        }
    }

    /** Marks the entry and everything live below it deleted, together. */
    public FileEntry delete(Caller caller, DrivePath path) {
        Namespace ns = entries.namespace(caller);
        FileEntry entry = entries.existing(ns, path);
        Instant now = Instant.now();
        if (entry.isFolder()) {
            entries.liveUnder(ns, path).forEach(e -> e.delete(now, entry.getId()));
        }
        entry.delete(now, entry.getId());
        return entry;
    }

    /**
     * Brings back the entry most recently deleted from {@code path}, and (for a folder) what was
     * deleted along with it below it; missing parent folders are created again.
     */
    public FileEntry undelete(Caller caller, DrivePath path) {
        Namespace ns = entries.namespace(caller);
        if (path.isRoot()) {
            throw DriveException.invalid("the root folder '/' cannot be deleted, nor undeleted");
        }
        FileEntry entry = entries.deletedAt(ns, path).stream()
                .findFirst()
                .orElseThrow(() -> DriveException.notFound("nothing was deleted at '" + path + "'"));
        entries.makeRoom(ns, path);
        if (entry.isFolder()) {
            entries.deletedUnder(ns, path, entry.getDeletedWith()).forEach(FileEntry::undelete);
        }
        entry.undelete();
        return entry;
    }

    /** The deleted entries once directly in {@code folder} (which may itself be deleted). */
    public DeletedListing deleted(Caller caller, DrivePath folder) {
        Namespace ns = entries.namespace(caller);
        if (!folder.isRoot()) {
            boolean known = entries.live(ns, folder)
                    .map(entry -> {
                        if (!entry.isFolder()) {
                            throw DriveException.conflict("'" + folder + "' is a file, not a folder");
                        }
                        return true;
                    })
                    .orElseGet(() -> entries.deletedAt(ns, folder).stream().anyMatch(FileEntry::isFolder));
            if (!known) {
                throw DriveException.notFound("no folder, live or deleted, at '" + folder + "'");
            }
        }
        List<DeletedEntry> deleted = em.createNamedQuery(FileEntry.DELETED_CHILDREN, FileEntry.class)
                .setParameter("namespace", ns)
                .setParameter("parent", folder.value())
                .getResultStream()
                .map(DeletedEntry::of)
                .toList();
        return new DeletedListing(folder.value(), deleted);
    }
}
