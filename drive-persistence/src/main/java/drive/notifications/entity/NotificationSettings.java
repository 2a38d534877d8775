package drive.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** A user's notification preferences: kinds they do not want, and whether they want an e-mail digest. */
@Entity
@Table(name = "notification_settings")
public class NotificationSettings {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false)
    private String muted;

    @Column(name = "email_digest", nullable = false)
    private boolean emailDigest;

    protected NotificationSettings() {}

    public NotificationSettings(long userId) {
        this.userId = userId;
        this.muted = "";
    }

    public Long getUserId() {
        return userId;
    }

    public Set<String> getMuted() {
        return new TreeSet<>(
                Arrays.stream(muted.split(",")).filter(s -> !s.isBlank()).toList());
    }

    public void setMuted(Set<String> kinds) {
        this.muted = String.join(",", new TreeSet<>(kinds));
    }

    public boolean isEmailDigest() {
        return emailDigest;
    }

    public void setEmailDigest(boolean emailDigest) {
        this.emailDigest = emailDigest;
    }
}
