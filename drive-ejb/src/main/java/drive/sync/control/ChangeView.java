package drive.sync.control;

import drive.sync.entity.ChangeEntry;
import java.time.Instant;

/** A journal entry as clients see it; {@code kind} is lowercase ({@code pending}, {@code moved}, …). */
public record ChangeView(
        long seq,
        String kind,
        String path,
        String previousPath,
        boolean folder,
        Long revision,
        Long size,
        String sha256,
        String user,
        String device,
        Instant time) {

    public static ChangeView of(ChangeEntry e) {
        return new ChangeView(
                e.getSeq(),
                e.getKind().label(),
                e.getPath(),
                e.getPreviousPath(),
                e.isFolder(),
                e.getRevision(),
                e.getSize(),
                e.getSha256(),
                e.getUsername(),
                e.getDeviceName(),
                e.getCreated());
    }
}
