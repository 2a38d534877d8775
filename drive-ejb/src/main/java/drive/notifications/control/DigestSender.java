package drive.notifications.control;

import java.util.List;

/**
 * The e-mail digest hook: given a user's unread notifications not yet sent in a digest, deliver
 * them (by mail, chat, …). Drive needs no mail server: the default, {@link LoggedDigest}, writes
 * the digest to the server log. To send real mail, provide a CDI bean of this type annotated
 * {@code @Alternative @Priority(…)} (e.g. with Jakarta Mail and a {@code mail/drive} session);
 * {@link drive.notifications.boundary.NotificationDigests} calls it hourly for users who enabled
 * {@code emailDigest}. A sender that throws leaves the notifications for the next run.
 */
public interface DigestSender {

    void send(String username, String email, List<NotificationView> notifications);
}
