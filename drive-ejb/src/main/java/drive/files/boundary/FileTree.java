package drive.files.boundary;

import drive.files.control.DeletedEntry;
import drive.files.control.DeletedListing;
import drive.files.control.DrivePath;
import drive.files.control.FileInfo;
import drive.files.control.TreeChanges;
import drive.files.control.TreeCopy;
import drive.files.control.TreeOperations;
import drive.files.entity.FileEntry;
import drive.platform.control.DriveException;
import drive.sharing.control.Access;
import drive.sharing.control.OwnerPaths;
import drive.sharing.control.Target;
import drive.users.control.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The folder tree of the file API: create folders, move, copy, delete recoverably and undelete,
 * each in one transaction. The changes are flushed before the answer, so a concurrent change to
 * the same entries (an optimistic-lock or uniqueness failure) is a 409 to retry, never a 500.
 */
@Stateless
@Interceptors(OwnerPaths.class)
public class FileTree {

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeOperations tree;

    @Inject
    TreeCopy copies;

    @Inject
    TreeChanges journal;

    @Inject
    Access access;

    public FileInfo createFolder(Caller asked, String path) {
        Target t = access.resolve(asked, DrivePath.parse(path), Access.Need.WRITE);
        Caller caller = t.caller();
        FileEntry folder = settled(() -> tree.createFolder(caller, t.path()));
        journal.folderCreated(caller, folder);
        return t.outward(FileInfo.of(folder));
    }

    public FileInfo move(Caller asked, String from, String to) {
        Access.checkNotMountPoint(access.resolve(asked, DrivePath.parse(from), Access.Need.WRITE), "move or rename");
        Target[] pair = access.resolvePair(
                asked, DrivePath.parse(from), Access.Need.WRITE, DrivePath.parse(to), Access.Need.WRITE);
        Caller caller = pair[0].caller();
        DrivePath source = pair[0].path();
        DrivePath target = pair[1].path();
        FileEntry moved = settled(() -> tree.move(caller, source, target));
        journal.moved(caller, moved, source, target);
        return pair[1].outward(FileInfo.of(moved));
    }

    public FileInfo copy(Caller asked, String from, String to) {
        Target[] pair = access.resolvePair(
                asked, DrivePath.parse(from), Access.Need.READ, DrivePath.parse(to), Access.Need.WRITE);
        Caller caller = pair[1].caller();
        DrivePath source = pair[0].path();
        DrivePath target = pair[1].path();
        FileEntry copy = settled(() -> copies.copy(caller, source, target));
        journal.copied(caller, copy, target);
        return pair[1].outward(FileInfo.of(copy));
    }

    public DeletedEntry delete(Caller asked, String path) {
        Target t = access.resolve(asked, DrivePath.parse(path), Access.Need.WRITE);
        Access.checkNotMountPoint(t, "delete");
        Caller caller = t.caller();
        DrivePath at = t.path();
        FileEntry deleted = settled(() -> tree.delete(caller, at));
        journal.deleted(caller, deleted, at);
        return t.outward(DeletedEntry.of(deleted));
    }

    public FileInfo undelete(Caller asked, String path) {
        Target t = access.resolve(asked, DrivePath.parse(path), Access.Need.WRITE);
        Caller caller = t.caller();
        DrivePath at = t.path();
        FileEntry undeleted = settled(() -> tree.undelete(caller, at));
        journal.undeleted(caller, undeleted, at);
        return t.outward(FileInfo.of(undeleted));
    }

    public DeletedListing listDeleted(Caller asked, String folder) {
        Target t = access.resolve(asked, DrivePath.parse(folder), Access.Need.READ);
        return t.outward(tree.deleted(t.caller(), t.path()));
    }

    private FileEntry settled(Supplier<FileEntry> change) {
        try {
            FileEntry entry = change.get();
            em.flush();
            return entry;
        } catch (PersistenceException e) {
            if (concurrent(e)) {
                throw DriveException.conflict("the same files were changed concurrently; try again");
            }
            throw e;
        }
    }

    /** An optimistic-lock failure or an integrity violation (SQLState class 23, e.g. a unique path). */
    private static boolean concurrent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException
                    || (cause instanceof SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
