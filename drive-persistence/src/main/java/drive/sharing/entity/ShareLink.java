package drive.sharing.entity;

import drive.files.entity.FileEntry;
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
 * A read-only link to a file or folder: whoever holds its token may read it (with the password,
 * when one is set) until it expires or is revoked (the row is deleted). Only the token's SHA-256
 * is stored, so the database cannot hand out working links.
 */
@Entity
@Table(name = "share_link")
@NamedQuery(name = ShareLink.BY_TOKEN, query = "SELECT l FROM ShareLink l WHERE l.tokenHash = :hash")
@NamedQuery(name = ShareLink.OF_FILE, query = "SELECT l FROM ShareLink l WHERE l.file = :file ORDER BY l.created, l.id")
public class ShareLink {

    public static final String BY_TOKEN = "ShareLink.byToken";
    public static final String OF_FILE = "ShareLink.ofFile";

    @Id
    @SequenceGenerator(name = "share_link_seq", sequenceName = "share_link_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "share_link_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "file_id", updatable = false)
    private FileEntry file;

    @ManyToOne(optional = false)
    @JoinColumn(name = "created_by", updatable = false)
    private User createdBy;

    @Column(name = "token_hash", length = 64, nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "password_hash", updatable = false)
    private String passwordHash;

    @Column(updatable = false)
    private Instant expires;

    @Column(nullable = false, updatable = false)
    private Instant created;

    protected ShareLink() {}

    public ShareLink(FileEntry file, User createdBy, String tokenHash, String passwordHash, Instant expires) {
        this.file = file;
        this.createdBy = createdBy;
        this.tokenHash = tokenHash;
        this.passwordHash = passwordHash;
        this.expires = expires;
        this.created = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public FileEntry getFile() {
        return file;
    }

    public User getCreatedBy() {
        return createdBy;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getExpires() {
        return expires;
    }

    public Instant getCreated() {
        return created;
    }

    public boolean expired(Instant now) {
        return expires != null && !now.isBefore(expires);
    }
}
