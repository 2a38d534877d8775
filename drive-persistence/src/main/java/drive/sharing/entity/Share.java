package drive.sharing.entity;

import drive.files.entity.FileEntry;
import drive.users.entity.User;
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
import java.time.Instant;

/**
 * One user's access to one file or folder of someone else's namespace. It refers to the entry's
 * row, not its path, so it follows the entry when the owner moves or renames it; the recipient
 * reaches the content through their mount ({@code /<mountName>}) once they added it to their drive.
 */
@Entity
@Table(name = "share_grant")
@NamedQuery(
        name = Share.OF_GRANTEE,
        query = "SELECT s FROM Share s WHERE s.grantee.username = :username ORDER BY s.created, s.id")
@NamedQuery(name = Share.OF_FILE, query = "SELECT s FROM Share s WHERE s.file = :file ORDER BY s.created, s.id")
@NamedQuery(
        name = Share.MOUNTED_IN,
        query = "SELECT s FROM Share s WHERE s.file.namespace.id = :namespace AND s.mountName IS NOT NULL")
public class Share {

    public static final String OF_GRANTEE = "Share.ofGrantee";
    public static final String OF_FILE = "Share.ofFile";
    /** The shares of a namespace that their recipients have added to their drives. */
    public static final String MOUNTED_IN = "Share.mountedIn";

    @Id
    @SequenceGenerator(name = "share_grant_seq", sequenceName = "share_grant_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "share_grant_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "file_id", updatable = false)
    private FileEntry file;

    @ManyToOne(optional = false)
    @JoinColumn(name = "grantee_id", updatable = false)
    private User grantee;

    @ManyToOne(optional = false)
    @JoinColumn(name = "granted_by", updatable = false)
    private User grantedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "can_reshare", nullable = false)
    private boolean canReshare;

    @Column(name = "mount_name")
    private String mountName;

    @Column(nullable = false, updatable = false)
    private Instant created;

    protected Share() {}

    public Share(FileEntry file, User grantee, User grantedBy, Role role, boolean canReshare) {
        this.file = file;
        this.grantee = grantee;
        this.grantedBy = grantedBy;
        this.role = role;
        this.canReshare = canReshare;
        this.created = Instant.now();
    }

    public void change(Role role, boolean canReshare) {
        this.role = role;
        this.canReshare = canReshare;
    }

    public void mount(String name) {
        this.mountName = name;
    }

    public Long getId() {
        return id;
    }

    public FileEntry getFile() {
        return file;
    }

    public User getGrantee() {
        return grantee;
    }

    public User getGrantedBy() {
        return grantedBy;
    }

    public Role getRole() {
        return role;
    }

    public boolean canReshare() {
        return canReshare;
    }

    public String getMountName() {
        return mountName;
    }

    public Instant getCreated() {
        return created;
    }
}
