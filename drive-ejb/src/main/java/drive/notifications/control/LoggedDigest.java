package drive.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.logging.Logger;

/** The digest hook's default: logs the digest (one line per notification) instead of mailing it. */
@ApplicationScoped
public class LoggedDigest implements DigestSender {

    private static final Logger LOG = Logger.getLogger(LoggedDigest.class.getName());

    @Override
    public void send(String username, String email, List<NotificationView> notifications) {
        StringBuilder text = new StringBuilder(
                "notification digest for " + username + " <" + email + ">: " + notifications.size() + " unread");
        notifications.forEach(
                n -> text.append("\n  ").append(n.text()).append(n.path() == null ? "" : " (" + n.path() + ")"));
        LOG.info(text::toString);
    }
}
