package drive.notifications.control;

import drive.notifications.entity.Notification;
import java.time.Instant;

/** A notification as the API shows it; {@code text} reads like "report.txt edited 12 times by bob". */
public record NotificationView(
        long id,
        String kind,
        String name,
        String path,
        boolean folder,
        String actor,
        int times,
        String text,
        boolean read,
        Instant created,
        Instant updated) {

    public static NotificationView of(Notification n) {
        NotificationKind kind = NotificationKind.valueOf(n.getKind().toUpperCase());
        return new NotificationView(
                n.getId(),
                n.getKind(),
                n.getName(),
                n.getPath(),
                n.isFolder(),
                n.getActor(),
                n.getTimes(),
                n.getName() + " " + kind.describe(n.getTimes(), n.getActor()),
                n.getReadAt() != null,
                n.getCreated(),
                n.getUpdated());
    }
}
