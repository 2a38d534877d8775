package drive.cache.control;

import java.util.Arrays;
import java.util.Optional;

/** The caches of metadata reads, each an Infinispan cache of the same name, plus the namespace epochs. */
public enum Region {
    /** Each namespace's current epoch: the one cache a write invalidates. */
    NAMESPACES("namespaces"),
    /** One file or folder by path ({@code GET /api/files/info}). */
    FILES("file-info"),
    /** A folder's entries ({@code GET /api/files/list}). */
    LISTINGS("listings"),
    /** A file's revisions, newest first ({@code GET /api/files/list_revisions}). */
    REVISIONS("revisions"),
    /**
     * The names of the shares a user added to their drive, under the user's own namespace (every
     * mount and unmount is journaled there): only to tell quickly that a path is <em>not</em> in a
     * mount; what a mount allows is always read from the database ({@code drive.sharing.control.Access}).
     */
    MOUNTS("mounts"),
    /** A device token's SHA-256 → the device and its user, in scope {@link MetadataCache#DEVICES}. */
    TOKENS("device-tokens");

    private final String cacheName;

    Region(String cacheName) {
        this.cacheName = cacheName;
    }

    public String cacheName() {
        return cacheName;
    }

    public static Optional<Region> named(String name) {
        return Arrays.stream(values()).filter(r -> r.cacheName.equals(name)).findFirst();
    }
}
