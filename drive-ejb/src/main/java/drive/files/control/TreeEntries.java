package drive.files.control;

import drive.files.entity.FileEntry;
import drive.files.entity.Namespace;
import drive.platform.control.DriveException;
import drive.users.control.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Finds the live and deleted entries of a namespace's tree, and makes room for a new entry (its
 * missing parent folders), for the tree operations. Whole subtrees are found by path prefix, with
 * the {@code LIKE} wildcards that names may contain escaped.
 */
@Dependent
public class TreeEntries {

    @PersistenceContext
    EntityManager em;

    @Inject
    FileMetadata metadata;

    public Namespace namespace(Caller caller) {
        return metadata.namespace(caller);
    }

    /** The live entry at {@code path}. */
    public Optional<FileEntry> live(Namespace ns, DrivePath path) {
        return em.createNamedQuery(FileEntry.BY_PATH, FileEntry.class)
                .setParameter("namespace", ns)
                .setParameter("path", path.value())
                .getResultStream()
                .findFirst();
    }

    /** The live entry at {@code path}, or a 404. */
    public FileEntry existing(Namespace ns, DrivePath path) {
        if (path.isRoot()) {
            throw DriveException.invalid("'/' is the root folder; give the path of a file or folder in it");
        }
        return live(ns, path).orElseThrow(() -> DriveException.notFound("no file or folder at '" + path + "'"));
    }

    /** Deleted entries once at {@code path}, most recently deleted first. */
    public List<FileEntry> deletedAt(Namespace ns, DrivePath path) {
        return em.createNamedQuery(FileEntry.DELETED_AT, FileEntry.class)
                .setParameter("namespace", ns)
                .setParameter("path", path.value())
                .getResultList();
    }

    /** Every live entry below the folder {@code path} (not the folder itself), parents before children. */
    public List<FileEntry> liveUnder(Namespace ns, DrivePath path) {
        return em.createQuery(
                        "SELECT f FROM FileEntry f WHERE f.namespace = :ns AND f.livePath LIKE :below ESCAPE '!'"
                                + " ORDER BY f.path",
                        FileEntry.class)
                .setParameter("ns", ns)
                .setParameter("below", below(path))
                .getResultList();
    }

    /** The deleted entries below {@code path} that were deleted along with the entry {@code with}. */
    public List<FileEntry> deletedUnder(Namespace ns, DrivePath path, long with) {
        return em.createQuery(
                        "SELECT f FROM FileEntry f WHERE f.namespace = :ns AND f.deletedWith = :with"
                                + " AND f.deleted IS NOT NULL AND f.path LIKE :below ESCAPE '!'",
                        FileEntry.class)
                .setParameter("ns", ns)
                .setParameter("with", with)
                .setParameter("below", below(path))
                .getResultList();
    }

    /**
     * Makes sure {@code path} can take a new live entry: nothing live is there, and its parent folders
     * exist (missing ones are created; a file among them is a conflict).
     */
    public void makeRoom(Namespace ns, DrivePath path) {
        if (path.isRoot()) {
            throw DriveException.conflict("'/' is the root folder, which always exists");
        }
        live(ns, path).ifPresent(entry -> {
            throw DriveException.conflict(
                    "there is already a " + (entry.isFolder() ? "folder" : "file") + " at '" + path + "'");
        });
        for (DrivePath ancestor : path.ancestors()) {
            Optional<FileEntry> existing = live(ns, ancestor);
            if (existing.isPresent() && !existing.get().isFolder()) {
                throw DriveException.conflict("'" + ancestor + "' is a file, so it cannot contain '" + path + "'");
            }
            if (existing.isEmpty()) {
                em.persist(
                        FileEntry.folder(ns, ancestor.value(), ancestor.parent().value(), ancestor.name()));
            }
        }
    }

    /** Where {@code path}, in the subtree at {@code from}, lands when that subtree goes to {@code to}; checked for length. */
    static DrivePath rebased(String path, DrivePath from, DrivePath to) {
        String moved = to.value() + path.substring(from.value().length());
        if (moved.length() > DrivePath.MAX_PATH_LENGTH) {
            throw DriveException.invalid("'" + path + "' would become longer than " + DrivePath.MAX_PATH_LENGTH
                    + " characters at '" + to + "'");
        }
        return new DrivePath(moved);
    }

    /** The LIKE pattern of every path strictly below {@code path}, '!' escaping. */
    public static String below(DrivePath path) {
        String prefix = path.isRoot() ? "/" : path.value() + "/";
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
