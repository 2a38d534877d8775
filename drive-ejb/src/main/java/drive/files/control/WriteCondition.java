package drive.files.control;

import drive.files.entity.OnConflict;

/**
 * The revision a write was based on and what to do when it is stale. {@code baseRevision} null and
 * no {@code ifMatch}: an unconditional write (a new revision on top of whatever is there);
 * {@code baseRevision} 0: the file must not have content yet. {@code ifMatch} is an ETag (the
 * content's SHA-256, quoted or not) standing for the revision that has it.
 */
public record WriteCondition(Long baseRevision, String ifMatch, OnConflict onConflict) {

    public static final WriteCondition NONE = new WriteCondition(null, null, OnConflict.FAIL);

    public WriteCondition {
        if (baseRevision != null && baseRevision < 0) {
            throw new IllegalArgumentException("baseRevision must not be negative");
        }
        onConflict = onConflict == null ? OnConflict.FAIL : onConflict;
    }

    public boolean conditional() {
        return baseRevision != null || ifMatch != null;
    }
}
