package drive.files.entity;

/**
 * What a write whose base revision is stale (another change was committed first) does: the brief's
 * "first change committed wins, a later one is a conflict, the user keeps both or picks one".
 */
public enum OnConflict {
    /** The write is refused (409 with the latest revision); nothing is stored. */
    FAIL,
    /** The write is stored as a conflicted copy next to the file; both are kept. */
    KEEP_BOTH,
    /** The write becomes a new revision on top of the latest; the history keeps both. */
    OVERWRITE;

    /** The API's spelling ({@code fail}, {@code keepBoth}, {@code overwrite}); {@link #FAIL} when absent. */
    public static OnConflict parse(String value) {
        if (value == null || value.isEmpty()) {
            return FAIL;
        }
        return switch (value) {
            case "fail" -> FAIL;
            case "keepBoth" -> KEEP_BOTH;
            case "overwrite" -> OVERWRITE;
            default -> throw new IllegalArgumentException(
                    "onConflict must be fail, keepBoth or overwrite, not '" + value + "'");
        };
    }
}
