package drive.files.entity;

import drive.devices.entity.Device;
import drive.users.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One revision of a file, read-only once written: history cannot be corrupted. The class has no
 * setters, every column is {@code updatable = false} (EclipseLink never issues an UPDATE for it),
 * and the lifecycle callbacks refuse an update or a delete should one ever be attempted.
 */
@Entity
@Table(name = "file_version")
@NamedQuery(
        name = FileVersion.OF_FILE,
        query = "SELECT v FROM FileVersion v WHERE v.file = :file ORDER BY v.revision DESC")
@NamedQuery(
        name = FileVersion.BY_REVISION,
        query = "SELECT v FROM FileVersion v WHERE v.file = :file AND v.revision = :revision")
public class FileVersion {

    public static final String OF_FILE = "FileVersion.ofFile";
    public static final String BY_REVISION = "FileVersion.byRevision";

    @Id
    @SequenceGenerator(name = "file_version_seq", sequenceName = "file_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "file_version_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "file_id", updatable = false)
    private FileEntry file;

    @Column(nullable = false, updatable = false)
    private long revision;

    @Column(nullable = false, updatable = false)
    private long size;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(nullable = false, updatable = false)
    private Instant created;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", updatable = false)
    private User user;

    @ManyToOne
    @JoinColumn(name = "device_id", updatable = false)
    private Device device;

    protected FileVersion() {}

    public FileVersion(FileEntry file, long size, String sha256, User user, Device device) {
        this.file = file;
        this.revision = file.nextRevision();
        this.size = size;
        this.sha256 = sha256;
        this.user = user;
        this.device = device;
        this.created = Instant.now();
    }

    @PreUpdate
    @PreRemove
    void refuseChange() {
        throw new IllegalStateException("file_version " + id + " is immutable history");
    }

    public Long getId() {
        return id;
    }

    public FileEntry getFile() {
        return file;
    }

    public long getRevision() {
        return revision;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getCreated() {
        return created;
    }

    public User getUser() {
        return user;
    }

    public Device getDevice() {
        return device;
    }
}
