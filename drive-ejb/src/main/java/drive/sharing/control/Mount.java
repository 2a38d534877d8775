package drive.sharing.control;

import drive.files.control.DrivePath;
import drive.sharing.entity.Role;
import drive.sharing.entity.Share;

/**
 * A share as its recipient sees it in their drive: the shared entry (at {@code root} in the
 * owner's namespace) appears at {@code /<name>}. Translates paths between the two.
 */
public record Mount(
        long shareId,
        long namespaceId,
        long fileId,
        String root,
        String name,
        Role role,
        boolean folder,
        boolean canReshare) {

    public static Mount of(Share share) {
        return new Mount(
                share.getId(),
                share.getFile().getNamespace().getId(),
                share.getFile().getId(),
                share.getFile().getPath(),
                share.getMountName(),
                share.getRole(),
                share.getFile().isFolder(),
                share.canReshare());
    }

    /** Where the recipient sees it: {@code /<name>} ({@code /} through a share link, whose name is empty). */
    public String path() {
        return "/" + name;
    }

    /** Whether {@code ownerPath} (a path in the owner's namespace) is the shared entry or below it. */
    public boolean covers(String ownerPath) {
        return ownerPath != null && (ownerPath.equals(root) || (folder && ownerPath.startsWith(root + "/")));
    }

    /** {@code ownerPath} as the recipient sees it; null when it is outside the shared entry. */
    public String outward(String ownerPath) {
        if (!covers(ownerPath)) {
            return null;
        }
        String rest = ownerPath.substring(root.length());
        if (name.isEmpty()) { // a share link: paths relative to the linked item
            return rest.isEmpty() ? "/" : rest;
        }
        return path() + rest;
    }

    /** The owner's path of {@code rest} (what follows {@code /<name>} in the recipient's path, "" or "/…"). */
    DrivePath inward(String rest) {
        return DrivePath.parse(root + rest);
    }
}
