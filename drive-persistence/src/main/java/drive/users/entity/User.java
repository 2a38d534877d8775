package drive.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who signs in to Drive; owns a root namespace, devices and a storage quota. */
@Entity
@Table(name = "drive_user")
@NamedQuery(name = User.BY_USERNAME, query = "SELECT u FROM User u WHERE u.username = :username")
public class User {

    public static final String BY_USERNAME = "User.byUsername";
    /** The brief's default: 10 GB of storage per user. */
    public static final long DEFAULT_QUOTA_BYTES = 10L * 1024 * 1024 * 1024;

    @Id
    @SequenceGenerator(name = "drive_user_seq", sequenceName = "drive_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "drive_user_seq")
    private Long id;

    @Column(nullable = false, updatable = false, length = 64)
    private String username;

    private String email;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "picture_url")
    private String pictureUrl;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean admin;

    @Column(name = "quota_bytes", nullable = false)
    private long quotaBytes;

    @Column(nullable = false, updatable = false)
    private Instant created;

    protected User() {}

    public User(String username, String passwordHash, boolean admin) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.quotaBytes = DEFAULT_QUOTA_BYTES;
        this.created = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPictureUrl() {
        return pictureUrl;
    }

    public void setPictureUrl(String pictureUrl) {
        this.pictureUrl = pictureUrl;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isAdmin() {
        return admin;
    }

    public long getQuotaBytes() {
        return quotaBytes;
    }

    public void setQuotaBytes(long quotaBytes) {
        this.quotaBytes = quotaBytes;
    }

    public Instant getCreated() {
        return created;
    }
}
