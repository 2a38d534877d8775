package drive.sharing.control;

import drive.files.control.DeletedEntry;
import drive.files.control.DeletedListing;
import drive.files.control.DrivePath;
import drive.files.control.FileInfo;
import drive.files.control.Listing;
import drive.users.control.Caller;

/**
 * Where a request's path leads, as {@link Access} resolved it: the caller to run the operation as
 * (in the owner's namespace for a shared path), the path there, and the mount it went through (null
 * in the caller's own drive). Answers are translated back so the caller only ever sees their paths.
 */
public record Target(Caller caller, DrivePath path, Mount mount) {

    public boolean shared() {
        return mount != null;
    }

    /** Whether the path is the shared entry itself (its mount point in the recipient's drive). */
    public boolean mountPoint() {
        return mount != null && path.value().equals(mount.root());
    }

    public long namespaceId(long own) {
        return mount == null ? own : mount.namespaceId();
    }

    /** A path of the namespace worked in, as the caller sees it. */
    public String outward(String path) {
        if (mount == null) {
            return path;
        }
        String out = mount.outward(path);
        if (out != null) {
            return out;
        }
        // a conflicted copy made next to a file shared with you lies in the owner's folder, outside the
        // share: named as if next to the share in your drive, never by the owner's folders
        return "/" + DrivePath.parse(path).name();
    }

    public FileInfo outward(FileInfo info) {
        if (mount == null) {
            return info;
        }
        String path = outward(info.path());
        return new FileInfo(
                path,
                path.equals("/") ? info.name() : DrivePath.parse(path).name(),
                info.folder(),
                info.size(),
                info.sha256(),
                info.revision(),
                info.modified(),
                info.status());
    }

    public DeletedEntry outward(DeletedEntry e) {
        if (mount == null) {
            return e;
        }
        String path = outward(e.path());
        return new DeletedEntry(
                path,
                DrivePath.parse(path).name(),
                e.folder(),
                e.size(),
                e.sha256(),
                e.revision(),
                e.modified(),
                e.deleted());
    }

    public Listing outward(Listing listing) {
        return mount == null
                ? listing
                : new Listing(
                        outward(listing.path()),
                        listing.entries().stream().map(this::outward).toList());
    }

    public DeletedListing outward(DeletedListing listing) {
        return mount == null
                ? listing
                : new DeletedListing(
                        outward(listing.path()),
                        listing.entries().stream().map(this::outward).toList());
    }
}
