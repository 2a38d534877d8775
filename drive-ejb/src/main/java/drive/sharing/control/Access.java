package drive.sharing.control;

import drive.cache.control.MetadataCache;
import drive.cache.control.Region;
import drive.files.control.DrivePath;
import drive.files.entity.FileEntry;
import drive.files.entity.Namespace;
import drive.platform.control.DriveException;
import drive.sharing.entity.Role;
import drive.sharing.entity.Share;
import drive.sharing.entity.ShareLink;
import drive.users.control.Caller;
import drive.users.control.Passwords;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides what a caller may reach: every file, block, revision, change and
 * long-poll request resolves its path (or its namespaces) here before anything is read or written.
 *
 * <p>A caller's drive is their own namespace plus the shares they added to it: a share mounted as
 * {@code /<name>} makes {@code /<name>/rest} mean {@code <shared entry's path>/rest} in the owner's
 * namespace. Everything else resolves to the caller's own namespace, where a stranger's path simply
 * does not exist — so a user without access gets the same 404 as for a path that never existed,
 * and nothing leaks. A viewer that tries to change something it can see gets 403 {@code forbidden}.
 *
 * <p>Decisions are read from the database on every request: a revoked or downgraded share takes
 * effect on the next request, on every instance. The one thing taken from the metadata cache is the
 * set of names of the caller's mounts ({@link Region#MOUNTS}), to skip the query for a path whose
 * first name is not one of them (most paths: the caller's own files). That set lives under the
 * caller's own namespace, whose epoch every mount and unmount replaces in step with its commit (both
 * are journaled there), so it is never older than the last mount; and it can only send a path to the
 * caller's own namespace — whether a mount exists, and what it allows, is always read from the
 * database. Keep it that way, so that no cache can serve a stale permission.
 */
@Dependent
public class Access {

    /** What a request wants to do with the path. */
    public enum Need {
        READ,
        WRITE
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    LinkGuard guard;

    @Inject
    MetadataCache cache;

    @Inject
    Passwords passwords;

    /**
     * Where {@code path} (relative to the linked item, {@code /} being the item itself) leads
     * through the share link {@code token}, read-only. Unknown or revoked token: 404; expired: 410
     * {@code gone}; a password set but missing or wrong: 401. Unknown tokens and wrong passwords
     * count against the client's allowance ({@link LinkGuard}: then 429). {@code password} may also be
     * a download ticket of the link ({@link #ticket}).
     */
    public Target throughLink(String token, String password, DrivePath path, String client) {
        ShareLink link = open(token, password, client);
        FileEntry item = link.getFile();
        if (item.isDeleted() || (!item.isFolder() && !path.isRoot())) {
            throw DriveException.notFound("no file or folder at '" + path + "' of this link")
                    .inCallerTerms();
        }
        Mount mount = new Mount(
                link.getId(),
                item.getNamespace().getId(),
                item.getId(),
                item.getPath(),
                "",
                Role.VIEWER,
                item.isFolder(),
                false);
        Caller owner = Caller.user(item.getNamespace().getOwner().getUsername());
        OwnerPaths.through(mount);
        return new Target(owner.in(mount.namespaceId()), mount.inward(path.isRoot() ? "" : path.value()), mount);
    }

    /**
     * A download ticket of the link {@code token} with a password ({@link LinkTickets}), for the
     * holder of that password; checked as {@link #throughLink} checks, and 409 for a link without one.
     */
    public String ticket(String token, String password, String client) {
        ShareLink link = open(token, password, client);
        if (link.getFile().isDeleted()) {
            throw DriveException.notFound("no file or folder at '/' of this link")
                    .inCallerTerms();
        }
        if (link.getPasswordHash() == null) {
            throw DriveException.conflict("this link has no password: download without a ticket");
        }
        return LinkTickets.issue(link.getId(), link.getPasswordHash(), Instant.now());
    }

    /** The link of {@code token} if it is live and {@code password} (or one of its tickets) opens it. */
    private ShareLink open(String token, String password, String client) {
        guard.check(client);
        ShareLink link = token == null
                ? null
                : em.createNamedQuery(ShareLink.BY_TOKEN, ShareLink.class)
                        .setParameter("hash", tokenHash(token))
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (link == null) {
            guard.failed(client);
            throw DriveException.notFound("no such link");
        }
        if (link.expired(Instant.now())) {
            throw new DriveException(DriveException.Kind.GONE, "this link has expired");
        }
        String key = link.getPasswordHash();
        if (key != null
                && !LinkTickets.valid(password, link.getId(), key, Instant.now())
                && !passwords.matches(password, key)) {
            guard.failed(client);
            throw new DriveException(
                    DriveException.Kind.UNAUTHORIZED,
                    "this link needs its password: send it in the X-Link-Password header");
        }
        return link;
    }

    /** How a link token is stored: its SHA-256, hex. */
    public static String tokenHash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where {@code path} leads for {@code caller}, checked for {@code need}. */
    public Target resolve(Caller caller, DrivePath path, Need need) {
        Caller own = caller.own();
        if (path.isRoot()) {
            return new Target(own, path, null);
        }
        String name = path.value().substring(1).split("/", 2)[0];
        Optional<Share> share = mayBeMounted(own, name) ? mounted(own, name) : Optional.empty();
        if (share.isEmpty()) {
            return new Target(own, path, null);
        }
        Share s = share.get();
        if (s.getFile().isDeleted()) {
            throw DriveException.notFound("no file or folder at '" + path + "'").inCallerTerms();
        }
        String rest = path.value().substring(1 + name.length());
        if (!s.getFile().isFolder() && !rest.isEmpty()) {
            throw DriveException.notFound("no file or folder at '" + path + "'").inCallerTerms();
        }
        if (need == Need.WRITE && s.getRole() != Role.EDITOR) {
            throw DriveException.forbidden(
                            "'" + path + "' is shared with you as a viewer: you can read it, not change it")
                    .inCallerTerms();
        }
        Mount mount = Mount.of(s);
        OwnerPaths.through(mount);
        return new Target(own.in(mount.namespaceId()), mount.inward(rest), mount);
    }

    /**
     * Two paths of one operation (move, copy): both resolved, and refused with a 400 unless they lie
     * in the same namespace (content is encrypted per namespace, so it is never moved across).
     */
    public Target[] resolvePair(Caller caller, DrivePath from, Need fromNeed, DrivePath to, Need toNeed) {
        Target source = resolve(caller, from, fromNeed);
        Target target = resolve(caller, to, toNeed);
        if (!same(source, target)) {
            throw DriveException.invalid("'" + from + "' and '" + to
                            + "' are in different drives (yours and a shared one, or two shared ones): a move or copy"
                            + " stays within one; download and upload instead")
                    .inCallerTerms();
        }
        return new Target[] {source, target};
    }

    /** Refuses to move, rename or delete the shared entry itself from a recipient's drive. */
    public static void checkNotMountPoint(Target target, String what) {
        if (target.mountPoint()) {
            throw DriveException.forbidden("'" + target.mount().path() + "' is shared with you: only its owner can "
                            + what + " it; remove it from your drive with DELETE /api/shares/"
                            + target.mount().shareId()
                            + "/mount")
                    .inCallerTerms();
        }
    }

    private static boolean same(Target a, Target b) {
        return a.mount() == null
                ? b.mount() == null
                : b.mount() != null && a.mount().namespaceId() == b.mount().namespaceId();
    }

    /** The caller's live mounts (shares added to their drive whose entry is not deleted). */
    public List<Mount> mounts(Caller caller) {
        return em.createNamedQuery(Share.OF_GRANTEE, Share.class)
                .setParameter("username", caller.username())
                .getResultStream()
                .filter(s -> s.getMountName() != null && !s.getFile().isDeleted())
                .map(Mount::of)
                .toList();
    }

    /** Whether {@code caller} owns the namespace of {@code entry}. */
    public boolean owns(Caller caller, FileEntry entry) {
        return entry.getNamespace().getOwner().getUsername().equals(caller.username());
    }

    /** The caller's own root namespace id. */
    public long ownNamespace(Caller caller) {
        return em.createQuery(
                        "SELECT n.id FROM Namespace n WHERE n.owner.username = :username AND n.kind = :root",
                        Long.class)
                .setParameter("username", caller.username())
                .setParameter("root", Namespace.Kind.ROOT)
                .getSingleResult();
    }

    /**
     * Whether a block may be read through {@code target}: in one's own namespace any block it holds;
     * through a share only a block of some revision of a file inside the shared entry.
     */
    public boolean blockVisible(Target target, String sha256) {
        if (!target.shared()) {
            return true;
        }
        Mount m = target.mount();
        return !em.createQuery(
                        "SELECT vb.block.id FROM VersionBlock vb WHERE vb.block.sha256 = :sha"
                                + " AND vb.block.namespace.id = :ns AND (vb.version.file.id = :file"
                                + " OR vb.version.file.path LIKE :below ESCAPE '!')",
                        Long.class)
                .setParameter("sha", sha256)
                .setParameter("ns", m.namespaceId())
                .setParameter("file", m.fileId())
                .setParameter("below", m.folder() ? like(m.root()) : "")
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private static String like(String root) {
        return (root + "/").replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /**
     * False only when the metadata cache knows that the caller has no mount called {@code name}; true
     * otherwise, and always when the cache is off (then the database alone decides, as before).
     */
    private boolean mayBeMounted(Caller own, String name) {
        if (!cache.active()) {
            return true;
        }
        long root = cache.rootNamespace(own.username(), () -> ownNamespace(own));
        Set<String> names = cache.read(
                Region.MOUNTS,
                root,
                "mount-names",
                () -> Set.copyOf(em.createQuery(
                                "SELECT s.mountName FROM Share s WHERE s.grantee.username = :username AND s.mountName IS NOT NULL",
                                String.class)
                        .setParameter("username", own.username())
                        .getResultList()));
        return names.contains(name);
    }

    private Optional<Share> mounted(Caller caller, String name) {
        return em.createQuery(
                        "SELECT s FROM Share s WHERE s.grantee.username = :username AND s.mountName = :name",
                        Share.class)
                .setParameter("username", caller.username())
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }
}
