package drive.files.entity;

import drive.devices.entity.Device;
import drive.users.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The processing of one upload's content into stored blocks, from the moment its bytes are staged
 * (the file shows as pending) until its revision is written or the work is given up. Its id names
 * the staging file and travels in the JMS message; its status makes redelivered messages harmless.
 */
@Entity
@Table(name = "upload_job")
public class UploadJob {

    /** Where the job stands. */
    public enum Status {
        PENDING,
        UPLOADED,
        FAILED,
        /** Its base revision was stale and it was not to be kept: nothing was written. */
        CONFLICT
    }

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "namespace_id", updatable = false)
    private Namespace namespace;

    @ManyToOne(optional = false)
    @JoinColumn(name = "file_id", updatable = false)
    private FileEntry file;

    @Column(nullable = false, updatable = false)
    private String path;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", updatable = false)
    private User user;

    @ManyToOne
    @JoinColumn(name = "device_id", updatable = false)
    private Device device;

    @Column(nullable = false, updatable = false)
    private long size;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    private Long revision;

    @Column(name = "base_revision", updatable = false)
    private Long baseRevision;

    @Enumerated(EnumType.STRING)
    @Column(name = "on_conflict", nullable = false, updatable = false)
    private OnConflict onConflict;

    @Column(name = "stored_path")
    private String storedPath;

    @Column(nullable = false, updatable = false)
    private Instant created;

    private Instant finished;

    protected UploadJob() {}

    public UploadJob(
            String id,
            FileEntry file,
            User user,
            Device device,
            long size,
            String sha256,
            Long baseRevision,
            OnConflict onConflict) {
        this.id = id;
        this.namespace = file.getNamespace();
        this.file = file;
        this.path = file.getPath();
        this.user = user;
        this.device = device;
        this.size = size;
        this.sha256 = sha256;
        this.baseRevision = baseRevision;
        this.onConflict = onConflict;
        this.status = Status.PENDING;
        this.created = Instant.now();
    }

    /** Records a failed attempt; the broker redelivers until its limit, then the job is failed. */
    public void attemptFailed(String error) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    }

    /** The content became {@code revision} of the file at {@code storedPath}. */
    public void uploaded(String storedPath, long revision, Instant when) {
        this.status = Status.UPLOADED;
        this.storedPath = storedPath;
        this.revision = revision;
        this.finished = when;
    }

    /** Another change was committed first, and this one was not to be kept: nothing was written. */
    public void conflicted(String reason, long latestRevision) {
        this.status = Status.CONFLICT;
        this.lastError = reason.substring(0, Math.min(reason.length(), 1000));
        this.revision = latestRevision;
        this.finished = Instant.now();
    }

    public void failed(String reason) {
        this.status = Status.FAILED;
        if (reason != null) {
            this.lastError = reason.substring(0, Math.min(reason.length(), 1000));
        }
        this.finished = Instant.now();
    }

    public String getId() {
        return id;
    }

    public Namespace getNamespace() {
        return namespace;
    }

    public FileEntry getFile() {
        return file;
    }

    public String getPath() {
        return path;
    }

    public User getUser() {
        return user;
    }

    public Device getDevice() {
        return device;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Long getRevision() {
        return revision;
    }

    /** The revision the upload was based on; null for an unconditional write. */
    public Long getBaseRevision() {
        return baseRevision;
    }

    public OnConflict getOnConflict() {
        return onConflict;
    }

    /** Where the content was stored (differs from {@link #getPath()} for a kept conflicted copy). */
    public String getStoredPath() {
        return storedPath == null ? path : storedPath;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getFinished() {
        return finished;
    }
}
