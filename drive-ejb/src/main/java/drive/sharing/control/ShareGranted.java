package drive.sharing.control;

/**
 * A file or folder was shared with a user: fired in the transaction that grants it, for the
 * notification center (observers that must not notify for a rolled-back grant observe it
 * {@code AFTER_SUCCESS} or write in the same transaction).
 */
public record ShareGranted(long shareId, long granteeId, String by, String name, boolean folder) {}
