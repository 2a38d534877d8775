package drive.sync.control;

import drive.sharing.control.Mount;
import drive.sync.entity.ChangeEntry;
import drive.sync.entity.ChangeKind;
import java.time.Instant;
import java.util.List;

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

    /**
     * An entry of a shared namespace as a recipient sees it through {@code mounts}: paths under
     * {@code /<mount>}; a move out of every shared entry reads as a deletion; null when the entry
     * lies outside all of them.
     */
    public static ChangeView through(ChangeEntry e, List<Mount> mounts) {
        for (Mount mount : mounts) {
            String path = mount.outward(e.getPath());
            String previous = mount.outward(e.getPreviousPath());
            if (path != null) {
                ChangeView v = of(e);
                String kind = e.getKind() == ChangeKind.MOVED && previous == null ? ChangeKind.ADDED.label() : v.kind;
                return new ChangeView(
                        v.seq, kind, path, previous, v.folder, v.revision, v.size, v.sha256, v.user, v.device, v.time);
            }
            if (previous != null) {
                ChangeView v = of(e);
                return new ChangeView(
                        v.seq,
                        ChangeKind.DELETED.label(),
                        previous,
                        null,
                        v.folder,
                        v.revision,
                        v.size,
                        v.sha256,
                        v.user,
                        v.device,
                        v.time);
            }
        }
        return null;
    }
}
