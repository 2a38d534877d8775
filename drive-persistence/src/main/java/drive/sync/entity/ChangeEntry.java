package drive.sync.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One committed change of a namespace, numbered by {@code seq} (1, 2, 3 … per namespace, in commit
 * order). Written once in the transaction of the change and never updated; removed only by the
 * retention timer. Who made the change is kept by name (user, device) so an entry reads alone.
 */
@Entity
@Table(name = "change_entry")
@NamedQuery(
        name = ChangeEntry.AFTER,
        query = "SELECT e FROM ChangeEntry e WHERE e.namespaceId = :namespace AND e.seq > :after ORDER BY e.seq")
public class ChangeEntry {

    /** The entries of a namespace after a sequence number, oldest first. */
    public static final String AFTER = "ChangeEntry.after";

    @Id
    @SequenceGenerator(name = "change_entry_seq", sequenceName = "change_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_entry_seq")
    private Long id;

    @Column(name = "namespace_id", nullable = false, updatable = false)
    private long namespaceId;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ChangeKind kind;

    @Column(nullable = false, updatable = false)
    private String path;

    @Column(name = "previous_path", updatable = false)
    private String previousPath;

    @Column(nullable = false, updatable = false)
    private boolean folder;

    @Column(updatable = false)
    private Long revision;

    @Column(updatable = false)
    private Long size;

    @Column(length = 64, updatable = false)
    private String sha256;

    @Column(updatable = false)
    private String username;

    @Column(name = "device_id", updatable = false)
    private Long deviceId;

    @Column(name = "device_name", updatable = false)
    private String deviceName;

    @Column(nullable = false, updatable = false)
    private Instant created;

    protected ChangeEntry() {}

    /** What changed; numbered later by {@link #number}. */
    public ChangeEntry(
            long namespaceId,
            ChangeKind kind,
            String path,
            String previousPath,
            boolean folder,
            Long revision,
            Long size,
            String sha256) {
        this.namespaceId = namespaceId;
        this.kind = kind;
        this.path = path;
        this.previousPath = previousPath;
        this.folder = folder;
        this.revision = revision;
        this.size = size;
        this.sha256 = sha256;
        this.created = Instant.now();
    }

    /** By whom: a user's name and, for a device client, the device. */
    public ChangeEntry by(String username, Long deviceId, String deviceName) {
        this.username = username;
        this.deviceId = deviceId;
        this.deviceName = deviceName;
        return this;
    }

    /** Gives the entry its place in the journal (before it is persisted). */
    public ChangeEntry number(long seq) {
        this.seq = seq;
        return this;
    }

    public long getNamespaceId() {
        return namespaceId;
    }

    public long getSeq() {
        return seq;
    }

    public ChangeKind getKind() {
        return kind;
    }

    public String getPath() {
        return path;
    }

    public String getPreviousPath() {
        return previousPath;
    }

    public boolean isFolder() {
        return folder;
    }

    public Long getRevision() {
        return revision;
    }

    public Long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public String getUsername() {
        return username;
    }

    public Long getDeviceId() {
        return deviceId;
    }

    public String getDeviceName() {
        return deviceName;
    }

    public Instant getCreated() {
        return created;
    }
}
