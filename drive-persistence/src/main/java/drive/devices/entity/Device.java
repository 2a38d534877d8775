package drive.devices.entity;

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
 * A client of one user (a laptop, a phone, a script) with its own bearer token, so that each
 * change can be traced to a device and a lost device can be revoked alone. Only the SHA-256 of
 * the token is stored.
 */
@Entity
@Table(name = "device")
@NamedQuery(
        name = Device.BY_TOKEN_HASH,
        query = "SELECT d FROM Device d JOIN FETCH d.user WHERE d.tokenHash = :tokenHash AND d.revoked = false")
public class Device {

    public static final String BY_TOKEN_HASH = "Device.byTokenHash";

    @Id
    @SequenceGenerator(name = "device_seq", sequenceName = "device_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "device_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id", updatable = false)
    private User user;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String kind;

    @Column(name = "push_id")
    private String pushId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(nullable = false, updatable = false)
    private Instant created;

    @Column(name = "last_seen")
    private Instant lastSeen;

    @Column(nullable = false)
    private boolean revoked;

    protected Device() {}

    public Device(User user, String name, String kind, String tokenHash) {
        this.user = user;
        this.name = name;
        this.kind = kind;
        this.tokenHash = tokenHash;
        this.created = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    public String getPushId() {
        return pushId;
    }

    public void setPushId(String pushId) {
        this.pushId = pushId;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public void seen(Instant when) {
        this.lastSeen = when;
    }

    public boolean isRevoked() {
        return revoked;
    }

    public void revoke() {
        this.revoked = true;
    }
}
