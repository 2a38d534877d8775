package drive.notifications.entity;

import drive.users.entity.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something a user is told about: a file shared with them, edited, deleted or restored by someone
 * else, a conflict, a failed upload. Repeats of the same event by the same person about the same
 * subject, while unread, only raise {@link #getTimes()} (coalescing).
 */
@Entity
@Table(name = "notification")
@NamedQuery(
        name = Notification.UNREAD_LIKE,
        query = "SELECT n FROM Notification n WHERE n.user = :user AND n.kind = :kind AND n.subject = :subject"
                + " AND n.actor = :actor AND n.readAt IS NULL")
public class Notification {

    public static final String UNREAD_LIKE = "Notification.unreadLike";

    @Id
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", updatable = false)
    private User user;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false)
    private String name;

    private String path;

    @Column(nullable = false)
    private boolean folder;

    @Column(updatable = false)
    private String actor;

    @Column(nullable = false)
    private int times;

    @Column(nullable = false, updatable = false)
    private Instant created;

    @Column(nullable = false)
    private Instant updated;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(nullable = false)
    private boolean digested;

    protected Notification() {}

    public Notification(
            User user, String kind, String subject, String name, String path, boolean folder, String actor) {
        this.user = user;
        this.kind = kind;
        this.subject = subject;
        this.name = name;
        this.path = path;
        this.folder = folder;
        this.actor = actor;
        this.times = 1;
        this.created = Instant.now();
        this.updated = created;
    }

    /** One more of the same: coalesced into this unread notification. */
    public void again(String name, String path) {
        this.times++;
        this.name = name;
        this.path = path;
        this.updated = Instant.now();
    }

    public void read(Instant when) {
        if (readAt == null) {
            readAt = when;
        }
    }

    public void digested() {
        this.digested = true;
    }

    public Long getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public String getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public String getName() {
        return name;
    }

    public String getPath() {
        return path;
    }

    public boolean isFolder() {
        return folder;
    }

    public String getActor() {
        return actor;
    }

    public int getTimes() {
        return times;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getUpdated() {
        return updated;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public boolean isDigested() {
        return digested;
    }
}
