package drive.notifications.control;

import drive.sync.control.FileChanged;
import java.util.Set;

/** What a notification is about; clients see the lowercase name. */
public enum NotificationKind {
    /** A file or folder was shared with you. */
    SHARED,
    /** A file you own or share was added or changed by someone else. */
    EDITED,
    /** Deleted by someone else. */
    DELETED,
    /** Restored (an old revision, or undeleted) by someone else. */
    RESTORED,
    /** A conflict: a conflicted copy was made, or your pending upload lost to an earlier change. */
    CONFLICT,
    /** Your upload could not be stored. */
    UPLOAD_FAILED;

    public static final Set<String> LABELS =
            Set.of("shared", "edited", "deleted", "restored", "conflict", "upload_failed");

    public String label() {
        return name().toLowerCase();
    }

    /** The notification a journaled change makes, or null for none. */
    public static NotificationKind of(FileChanged change) {
        boolean conflictedCopy = change.path() != null && change.path().contains(" (conflicted copy ");
        return switch (change.kind()) {
            case ADDED, MODIFIED, UPLOADED -> change.folder() ? null : conflictedCopy ? CONFLICT : EDITED;
            case DELETED -> DELETED;
            case RESTORED, UNDELETED -> RESTORED;
            case CONFLICT -> CONFLICT;
            case FAILED -> UPLOAD_FAILED;
            default -> null;
        };
    }

    /** Whether it is news for the one who caused it (their upload failed or lost), rather than for the others. */
    public boolean toActor(FileChanged change) {
        return this == UPLOAD_FAILED || (this == CONFLICT && change.kind() == drive.sync.entity.ChangeKind.CONFLICT);
    }

    /** How it reads: "edited 12 times by bob". */
    public String describe(int times, String actor) {
        String verb =
                switch (this) {
                    case SHARED -> "shared with you";
                    case EDITED -> "edited";
                    case DELETED -> "deleted";
                    case RESTORED -> "restored";
                    case CONFLICT -> "conflicted";
                    case UPLOAD_FAILED -> "upload failed";
                };
        String count = times > 1 ? " " + times + " times" : "";
        return verb + count + (actor == null || this == UPLOAD_FAILED ? "" : " by " + actor);
    }
}
