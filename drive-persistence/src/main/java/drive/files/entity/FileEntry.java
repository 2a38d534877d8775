package drive.files.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The latest state of a file or folder at a path of a namespace (table {@code file}). Its history
 * lives in immutable {@link FileVersion} rows; this row only points at the newest one. The
 * optimistic lock makes concurrent writers to one path serialise instead of losing an update.
 * A move changes the row's path and keeps its id, so history follows the file. A deleted entry
 * keeps its row at the path it was deleted from, with {@code livePath} null: only live entries
 * are unique per path; {@link #BY_PATH} and {@link #CHILDREN} see live entries only.
 */
@Entity
@Table(name = "file")
@NamedQuery(
        name = FileEntry.BY_PATH,
        query = "SELECT f FROM FileEntry f WHERE f.namespace = :namespace AND f.livePath = :path")
@NamedQuery(
        name = FileEntry.CHILDREN,
        query = "SELECT f FROM FileEntry f WHERE f.namespace = :namespace AND f.parentPath = :parent"
                + " AND f.deleted IS NULL ORDER BY f.folder DESC, f.name")
@NamedQuery(
        name = FileEntry.DELETED_AT,
        query = "SELECT f FROM FileEntry f WHERE f.namespace = :namespace AND f.path = :path"
                + " AND f.deleted IS NOT NULL ORDER BY f.deleted DESC, f.id DESC")
@NamedQuery(
        name = FileEntry.DELETED_CHILDREN,
        query = "SELECT f FROM FileEntry f WHERE f.namespace = :namespace AND f.parentPath = :parent"
                + " AND f.deleted IS NOT NULL ORDER BY f.folder DESC, f.name, f.deleted DESC")
public class FileEntry {

    public static final String BY_PATH = "FileEntry.byPath";
    public static final String CHILDREN = "FileEntry.children";
    /** Deleted entries once at a path, most recently deleted first. */
    public static final String DELETED_AT = "FileEntry.deletedAt";
    /** Deleted entries once directly in a folder. */
    public static final String DELETED_CHILDREN = "FileEntry.deletedChildren";

    @Id
    @SequenceGenerator(name = "file_seq", sequenceName = "file_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "file_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "namespace_id", updatable = false)
    private Namespace namespace;

    @Column(nullable = false)
    private String path;

    @Column(name = "parent_path", nullable = false)
    private String parentPath;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, updatable = false)
    private boolean folder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FileStatus status;

    @Column(name = "latest_revision", nullable = false)
    private long latestRevision;

    @Column(nullable = false)
    private long size;

    @Column(length = 64)
    private String sha256;

    @Column(nullable = false)
    private Instant modified;

    /** The path while the entry is live, null once it is deleted (unique per namespace). */
    @Column(name = "live_path")
    private String livePath;

    private Instant deleted;

    /** The id of the entry whose deletion took this one along (its own when deleted by itself). */
    @Column(name = "deleted_with")
    private Long deletedWith;

    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    protected FileEntry() {}

    private FileEntry(Namespace namespace, String path, String parentPath, String name, boolean folder) {
        this.namespace = namespace;
        this.path = path;
        this.livePath = path;
        this.parentPath = parentPath;
        this.name = name;
        this.folder = folder;
        this.status = FileStatus.UPLOADED;
        this.modified = Instant.now();
    }

    public static FileEntry file(Namespace namespace, String path, String parentPath, String name) {
        return new FileEntry(namespace, path, parentPath, name, false);
    }

    public static FileEntry folder(Namespace namespace, String path, String parentPath, String name) {
        return new FileEntry(namespace, path, parentPath, name, true);
    }

    /** Points this file at a newly written revision; returns the revision number it must carry. */
    public long nextRevision() {
        return latestRevision + 1;
    }

    public void revised(FileVersion version) {
        if (version.getRevision() != latestRevision + 1) {
            throw new IllegalStateException("revision " + version.getRevision() + " does not follow " + latestRevision);
        }
        this.latestRevision = version.getRevision();
        this.size = version.getSize();
        this.sha256 = version.getSha256();
        this.modified = version.getCreated();
        this.status = FileStatus.UPLOADED;
    }

    /** New content for this file is being processed; the latest revision stays readable meanwhile. */
    public void pending() {
        this.status = FileStatus.PENDING;
    }

    /** No upload of this file is being processed any more (the last one was refused as a conflict). */
    public void settled() {
        this.status = latestRevision == 0 ? FileStatus.FAILED : FileStatus.UPLOADED;
    }

    /** Processing of the newest upload was given up; the latest revision (if any) is still the content. */
    public void failed() {
        this.status = FileStatus.FAILED;
    }

    /** Moves or renames this live entry; its id, and so its history, stays. */
    public void moveTo(String path, String parentPath, String name) {
        if (deleted != null) {
            throw new IllegalStateException("deleted entry " + id + " cannot move");
        }
        this.path = path;
        this.livePath = path;
        this.parentPath = parentPath;
        this.name = name;
    }

    /** Deleted recoverably, along with the entry {@code with} (this one's own id when deleted by itself). */
    public void delete(Instant when, long with) {
        this.livePath = null;
        this.deleted = when;
        this.deletedWith = with;
    }

    /** Live again at the path it was deleted from. */
    public void undelete() {
        this.livePath = path;
        this.deleted = null;
        this.deletedWith = null;
    }

    public boolean isDeleted() {
        return deleted != null;
    }

    public Instant getDeleted() {
        return deleted;
    }

    public Long getDeletedWith() {
        return deletedWith;
    }

    public Long getId() {
        return id;
    }

    public Namespace getNamespace() {
        return namespace;
    }

    public String getPath() {
        return path;
    }

    public String getParentPath() {
        return parentPath;
    }

    public String getName() {
        return name;
    }

    public boolean isFolder() {
        return folder;
    }

    public FileStatus getStatus() {
        return status;
    }

    public long getLatestRevision() {
        return latestRevision;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getModified() {
        return modified;
    }
}
