package drive.notifications.boundary;

import drive.files.entity.Namespace;
import drive.notifications.control.NotificationKind;
import drive.notifications.control.NotificationView;
import drive.notifications.entity.Notification;
import drive.notifications.entity.NotificationSettings;
import drive.platform.control.DriveException;
import drive.sharing.control.Mount;
import drive.sharing.entity.Share;
import drive.sync.control.FileChanged;
import drive.sync.entity.ChangeKind;
import drive.users.control.Caller;
import drive.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The notification center: writes notifications (coalescing repeats while unread), lists them with
 * paging, counts and marks them read, and keeps each user's preferences. A new notification is
 * also appended to its recipient's own change journal (kind {@code notification}), which is what
 * answers their long polls at once, on every instance, and queues it for their offline devices.
 */
@Stateless
public class Notifications {

    public static final int MAX_LIMIT = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<FileChanged> journal;

    /** Page of notifications, newest first; {@code next} is the {@code before} of the next page. */
    public record Page(List<NotificationView> notifications, long unread, Long next) {}

    /** A recipient and the path they see the subject at (null when it is not in their drive). */
    private record Recipient(User user, String path) {}

    /** Handles one message of {@code NotificationTrigger}. */
    public void deliver(String message) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(message))) {
            json = reader.readObject();
        }
        if ("shared".equals(json.getString("type"))) {
            Share share = em.find(Share.class, json.getJsonNumber("share").longValue());
            if (share != null) { // else revoked meanwhile: nothing to tell
                notify(
                        new Recipient(share.getGrantee(), null),
                        NotificationKind.SHARED,
                        "share:" + share.getId(),
                        share.getFile().getName(),
                        share.getFile().isFolder(),
                        share.getGrantedBy().getUsername());
            }
            return;
        }
        NotificationKind kind = NotificationKind.valueOf(json.getString("kind").toUpperCase());
        long namespace = json.getJsonNumber("namespace").longValue();
        String path = json.getString("path");
        String actor = json.getString("actor");
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (Recipient r : recipients(namespace, path, actor, json.getBoolean("toActor"))) {
            notify(r, kind, kind.label() + ":" + namespace + ":" + path, name, json.getBoolean("folder"), actor);
        }
    }

    /** The owner and everyone a share covering {@code path} reaches, but the actor; or only the actor. */
    private List<Recipient> recipients(long namespace, String path, String actor, boolean toActor) {
        Map<Long, Recipient> all = new LinkedHashMap<>();
        User owner = em.find(Namespace.class, namespace).getOwner();
        all.put(owner.getId(), new Recipient(owner, path));
        for (Share s : em.createQuery("SELECT s FROM Share s WHERE s.file.namespace.id = :ns", Share.class)
                .setParameter("ns", namespace)
                .getResultList()) {
            Mount m = Mount.of(s);
            if (m.covers(path)) {
                String seen = s.getMountName() == null ? null : m.outward(path);
                all.merge(
                        s.getGrantee().getId(),
                        new Recipient(s.getGrantee(), seen),
                        (a, b) -> a.path() != null ? a : b);
            }
        }
        return all.values().stream()
                .filter(r -> toActor == r.user().getUsername().equals(actor))
                .sorted(Comparator.comparing(r -> r.user().getId())) // journal counters locked in one order
                .toList();
    }

    private void notify(Recipient r, NotificationKind kind, String subject, String name, boolean folder, String actor) {
        if (settings(r.user().getId()).getMuted().contains(kind.label())) {
            return;
        }
        List<Notification> same = em.createNamedQuery(Notification.UNREAD_LIKE, Notification.class)
                .setParameter("user", r.user())
                .setParameter("kind", kind.label())
                .setParameter("subject", subject)
                .setParameter("actor", actor)
                .getResultList();
        if (kind == NotificationKind.DELETED
                && same.isEmpty()) { // a folder's deletion: one notification, not one per entry
            same = em.createQuery(
                            "SELECT n FROM Notification n WHERE n.user = :user AND n.kind = :kind AND n.actor = :actor"
                                    + " AND n.readAt IS NULL AND :subject LIKE CONCAT(n.subject, '/%')",
                            Notification.class)
                    .setParameter("user", r.user())
                    .setParameter("kind", kind.label())
                    .setParameter("actor", actor)
                    .setParameter("subject", subject)
                    .getResultList();
            if (!same.isEmpty()) {
                return; // inside a folder already notified as deleted
            }
        }
        if (!same.isEmpty()) {
            same.get(0).again(name, r.path());
            return;
        }
        em.persist(new Notification(r.user(), kind.label(), subject, name, r.path(), folder, actor));
        em.flush();
        long root = em.createNamedQuery(Namespace.ROOT_OF, Namespace.class)
                .setParameter("owner", r.user())
                .getSingleResult()
                .getId();
        journal.fire(new FileChanged(
                root,
                ChangeKind.NOTIFICATION,
                r.path() == null ? "/" : r.path(),
                null,
                folder,
                null,
                null,
                null,
                Caller.user(actor)));
    }

    public Page list(Caller caller, int limit, Long before, boolean unreadOnly) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DriveException.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        List<Notification> page = em.createQuery(
                        "SELECT n FROM Notification n WHERE n.user.username = :username AND n.id < :before"
                                + (unreadOnly ? " AND n.readAt IS NULL" : "") + " ORDER BY n.id DESC",
                        Notification.class)
                .setParameter("username", caller.username())
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setMaxResults(limit + 1)
                .getResultList();
        boolean more = page.size() > limit;
        List<NotificationView> views = page.subList(0, Math.min(limit, page.size())).stream()
                .map(NotificationView::of)
                .toList();
        return new Page(
                views, unread(caller), more ? views.get(views.size() - 1).id() : null);
    }

    public long unread(Caller caller) {
        return em.createQuery(
                        "SELECT COUNT(n) FROM Notification n WHERE n.user.username = :username AND n.readAt IS NULL",
                        Long.class)
                .setParameter("username", caller.username())
                .getSingleResult();
    }

    /** Marks one of the caller's notifications read; 404 for anyone else's. */
    public NotificationView read(Caller caller, long id) {
        Notification n = em.find(Notification.class, id);
        if (n == null || !n.getUser().getUsername().equals(caller.username())) {
            throw DriveException.notFound("no such notification");
        }
        n.read(Instant.now());
        return NotificationView.of(n);
    }

    /** Marks all of the caller's notifications read; returns how many were unread. */
    public int readAll(Caller caller) {
        return em.createQuery("UPDATE Notification n SET n.readAt = :now WHERE n.readAt IS NULL AND n.user ="
                        + " (SELECT u FROM User u WHERE u.username = :username)")
                .setParameter("now", Instant.now())
                .setParameter("username", caller.username())
                .executeUpdate();
    }

    /** The caller's preferences: {@code muted} kinds and the e-mail digest. */
    public record Preferences(Set<String> muted, boolean emailDigest, Set<String> kinds) {}

    public Preferences preferences(Caller caller) {
        NotificationSettings s = settings(user(caller).getId());
        return new Preferences(s.getMuted(), s.isEmailDigest(), NotificationKind.LABELS);
    }

    public Preferences changePreferences(Caller caller, Set<String> muted, Boolean emailDigest) {
        if (muted != null && !NotificationKind.LABELS.containsAll(muted)) {
            throw DriveException.invalid("muted must list kinds among " + NotificationKind.LABELS);
        }
        User user = user(caller);
        NotificationSettings s = em.find(NotificationSettings.class, user.getId());
        if (s == null) {
            s = new NotificationSettings(user.getId());
            em.persist(s);
        }
        if (muted != null) {
            s.setMuted(muted);
        }
        if (emailDigest != null) {
            s.setEmailDigest(emailDigest);
        }
        return new Preferences(s.getMuted(), s.isEmailDigest(), NotificationKind.LABELS);
    }

    private NotificationSettings settings(long userId) {
        NotificationSettings s = em.find(NotificationSettings.class, userId);
        return s != null ? s : new NotificationSettings(userId);
    }

    private User user(Caller caller) {
        return em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", caller.username())
                .getSingleResult();
    }
}
