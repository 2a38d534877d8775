package drive.notifications.boundary;

import drive.notifications.control.DigestSender;
import drive.notifications.control.NotificationView;
import drive.notifications.entity.Notification;
import drive.notifications.entity.NotificationSettings;
import drive.users.entity.User;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The e-mail digest: every hour, for each user who enabled {@code emailDigest}, hands the unread
 * notifications not yet sent to the {@link DigestSender} (by default it only logs them) and marks
 * them sent. A non-persistent timer: a missed run only delays the digest to the next hour.
 */
@Singleton
public class NotificationDigests {

    private static final Logger LOG = Logger.getLogger(NotificationDigests.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    DigestSender sender;

    @Schedule(hour = "*", minute = "17", persistent = false)
    public void hourly() {
        for (NotificationSettings settings : em.createQuery(
                        "SELECT s FROM NotificationSettings s WHERE s.emailDigest = true", NotificationSettings.class)
                .getResultList()) {
            User user = em.find(User.class, settings.getUserId());
            List<Notification> due = em.createQuery(
                            "SELECT n FROM Notification n WHERE n.user = :user AND n.readAt IS NULL"
                                    + " AND n.digested = false ORDER BY n.id",
                            Notification.class)
                    .setParameter("user", user)
                    .setMaxResults(200)
                    .getResultList();
            if (due.isEmpty()) {
                continue;
            }
            try {
                sender.send(
                        user.getUsername(),
                        user.getEmail(),
                        due.stream().map(NotificationView::of).toList());
                due.forEach(Notification::digested);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the digest for " + user.getUsername() + " was not sent; next hour again", e);
            }
        }
    }
}
