package drive.files.boundary;

import drive.files.control.Download;
import drive.files.control.DrivePath;
import drive.files.control.FileMetadata;
import drive.files.control.FolderArchive;
import drive.files.control.TreeEntries;
import drive.files.entity.FileEntry;
import drive.files.entity.FileVersion;
import drive.files.entity.Namespace;
import drive.platform.control.DriveException;
import drive.sharing.control.Access;
import drive.sharing.control.OwnerPaths;
import drive.sharing.control.Target;
import drive.users.control.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * A folder downloaded as a ZIP: first what it holds (the latest revision of each live file with
 * content, and every folder, so empty ones are kept), then each revision's blocks when its turn
 * comes. Revisions are immutable, so a file moved or changed while the ZIP is written still gives
 * the bytes it had when the folder was listed.
 */
@Stateless
@Interceptors(OwnerPaths.class)
public class FolderArchives {

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeEntries entries;

    @Inject
    FileMetadata metadata;

    @Inject
    Access access;

    /**
     * The folder at {@code rawPath} ('/' is the whole drive, without the shares added to it; a
     * folder in a share is read from its owner's namespace, as {@link Access} allows) and what its ZIP
     * holds; 404 if absent (or not shared with the caller), 409 for a file. The archive's {@code
     * reader} is the caller to pass to {@link #revision}.
     */
    public FolderArchive contents(Caller caller, String rawPath) {
        DrivePath asked = DrivePath.parse(rawPath);
        Target target = access.resolve(caller, asked, Access.Need.READ);
        return contents(target, asked.isRoot() ? "My Drive" : asked.name());
    }

    /**
     * As {@link #contents(Caller, String)}, for the holder of a folder link ({@code rawPath} below the
     * linked folder, '/' or null for the folder itself, which names the ZIP); 409 for a file link.
     */
    public FolderArchive throughLink(String token, String password, String rawPath, String client) {
        DrivePath asked = DrivePath.parse(rawPath == null ? "/" : rawPath);
        Target target = access.throughLink(token, password, asked, client);
        if (!target.mount().folder()) {
            throw DriveException.conflict("this link is to a file: download it");
        }
        return contents(target, asked.isRoot() ? target.path().name() : asked.name());
    }

    private FolderArchive contents(Target target, String name) {
        DrivePath path = target.path();
        Namespace ns = entries.namespace(target.caller());
        if (!path.isRoot()) {
            FileEntry folder = entries.existing(ns, path);
            if (!folder.isFolder()) {
                throw DriveException.conflict(
                        "'" + path + "' is a file, not a folder; download it with /api/files/download");
            }
        }
        int cut = path.isRoot() ? 1 : path.value().length() + 1;
        List<Object[]> rows = em.createQuery(
                        "SELECT f.path, f.folder, f.id, f.latestRevision, f.size, f.modified FROM FileEntry f"
                                + " WHERE f.namespace = :ns AND f.livePath LIKE :below ESCAPE '!'"
                                + " ORDER BY f.path",
                        Object[].class)
                .setParameter("ns", ns)
                .setParameter("below", TreeEntries.below(path))
                .getResultList();
        List<FolderArchive.Item> items = rows.stream()
                .filter(r -> (Boolean) r[1] || (Long) r[3] > 0) // files without content yet are left out
                .map(r -> new FolderArchive.Item(
                        ((String) r[0]).substring(cut), (Boolean) r[1], (Long) r[2], (Long) r[3], (Long) r[4], (Instant)
                                r[5]))
                .toList();
        return new FolderArchive(name, target.caller(), items);
    }

    /**
     * The blocks of revision {@code revision} of file {@code fileId} in the namespace of {@code
     * caller} (an archive's {@code reader}), for one ZIP entry.
     */
    public Download revision(Caller caller, long fileId, long revision) {
        Namespace ns = entries.namespace(caller);
        FileVersion version = em.createQuery(
                        "SELECT v FROM FileVersion v WHERE v.file.id = :file AND v.revision = :revision"
                                + " AND v.file.namespace = :ns",
                        FileVersion.class)
                .setParameter("file", fileId)
                .setParameter("revision", revision)
                .setParameter("ns", ns)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DriveException.notFound("revision " + revision + " of file " + fileId + " is gone"));
        return new Download(
                ns.getId(),
                version.getFile().getName(),
                version.getRevision(),
                version.getSize(),
                version.getSha256(),
                version.getCreated(),
                metadata.pointers(version));
    }
}
