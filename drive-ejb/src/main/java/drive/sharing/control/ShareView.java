package drive.sharing.control;

import drive.sharing.entity.Share;
import java.time.Instant;

/**
 * A share as the API shows it. {@code path} is where the caller reaches the item (the owner's path
 * for its owner, {@code /<mount>} for a recipient who added it to their drive, else null).
 */
public record ShareView(
        long id,
        String name,
        boolean folder,
        String owner,
        String user,
        String grantedBy,
        String role,
        boolean canReshare,
        String path,
        String mountedAt,
        Instant created) {

    public static ShareView of(Share s, String callerName) {
        boolean owner = s.getFile().getNamespace().getOwner().getUsername().equals(callerName);
        String mounted = s.getMountName() == null ? null : "/" + s.getMountName();
        String path =
                owner ? s.getFile().getPath() : s.getGrantee().getUsername().equals(callerName) ? mounted : null;
        return new ShareView(
                s.getId(),
                s.getFile().getName(),
                s.getFile().isFolder(),
                s.getFile().getNamespace().getOwner().getUsername(),
                s.getGrantee().getUsername(),
                s.getGrantedBy().getUsername(),
                s.getRole().label(),
                s.canReshare(),
                path,
                mounted,
                s.getCreated());
    }
}
