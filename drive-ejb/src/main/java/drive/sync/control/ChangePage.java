package drive.sync.control;

import java.util.List;

/** One page of the journal after a cursor: the entries, the cursor after them, and whether more follow. */
public record ChangePage(List<ChangeView> entries, String cursor, boolean hasMore) {}
