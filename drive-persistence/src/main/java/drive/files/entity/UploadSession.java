package drive.files.entity;

import drive.users.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A resumable upload in progress (table {@code upload_session}): where the file goes, how many
 * bytes it will have and how many are durably received. It lives in the database, not in memory,
 * so that an upload survives an app-server restart; its bytes wait in a staging file until the
 * last one arrives and the content goes through the normal upload path.
 */
@Entity
@Table(name = "upload_session")
@NamedQuery(name = UploadSession.EXPIRED, query = "SELECT s FROM UploadSession s WHERE s.expires < :now")
@NamedQuery(
        name = UploadSession.ACKNOWLEDGE,
        query = "UPDATE UploadSession s SET s.receivedBytes = :received WHERE s.id = :id AND s.state = :active")
public class UploadSession {

    public static final String EXPIRED = "UploadSession.expired";
    public static final String ACKNOWLEDGE = "UploadSession.acknowledge";

    /** Where a session stands. */
    public enum State {
        /** Bytes are still expected (or the last ones arrived and the commit has not succeeded yet). */
        ACTIVE,
        /** The content was committed as revision {@link #getRevision()}. */
        DONE,
        /** The content was refused (declared hash did not match); nothing was committed. */
        FAILED
    }

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", updatable = false)
    private User user;

    @Column(nullable = false, updatable = false)
    private String path;

    @Column(name = "base_revision", updatable = false)
    private Long baseRevision;

    @Enumerated(EnumType.STRING)
    @Column(name = "on_conflict", nullable = false, updatable = false)
    private OnConflict onConflict;

    @Column(updatable = false, length = 64)
    private String sha256;

    @Column(name = "content_type", updatable = false)
    private String contentType;

    @Column(name = "total_bytes", nullable = false, updatable = false)
    private long totalBytes;

    @Column(name = "received_bytes", nullable = false)
    private long receivedBytes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    private Long revision;

    @Column(nullable = false, updatable = false)
    private Instant created;

    @Column(nullable = false, updatable = false)
    private Instant expires;

    protected UploadSession() {}

    public UploadSession(
            String id,
            User user,
            String path,
            Long baseRevision,
            OnConflict onConflict,
            String sha256,
            String contentType,
            long totalBytes,
            Instant expires) {
        this.id = id;
        this.user = user;
        this.path = path;
        this.baseRevision = baseRevision;
        this.onConflict = onConflict;
        this.sha256 = sha256;
        this.contentType = contentType;
        this.totalBytes = totalBytes;
        this.state = State.ACTIVE;
        this.created = Instant.now();
        this.expires = expires;
    }

    public void completed(long committedRevision) {
        this.state = State.DONE;
        this.revision = committedRevision;
    }

    public void failed() {
        this.state = State.FAILED;
    }

    public String getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public String getPath() {
        return path;
    }

    public OnConflict getOnConflict() {
        return onConflict;
    }

    public Long getBaseRevision() {
        return baseRevision;
    }

    public String getSha256() {
        return sha256;
    }

    public String getContentType() {
        return contentType;
    }

    public long getTotalBytes() {
        return totalBytes;
    }

    public long getReceivedBytes() {
        return receivedBytes;
    }

    public State getState() {
        return state;
    }

    public Long getRevision() {
        return revision;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getExpires() {
        return expires;
    }
}
