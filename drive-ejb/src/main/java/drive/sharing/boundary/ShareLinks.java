package drive.sharing.boundary;

import drive.files.control.Download;
import drive.files.control.DrivePath;
import drive.files.control.FileInfo;
import drive.files.control.FileMetadata;
import drive.files.control.Listing;
import drive.files.entity.FileEntry;
import drive.platform.control.DriveException;
import drive.sharing.control.Access;
import drive.sharing.control.OwnerPaths;
import drive.sharing.control.Target;
import drive.sharing.entity.Role;
import drive.sharing.entity.ShareLink;
import drive.users.control.Caller;
import drive.users.control.Passwords;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Read-only share links: made by whoever may share the item (its owner, or an editor allowed to
 * reshare), optionally with a password (stored as a PBKDF2 hash) and an expiry; listed per item;
 * revoked by deleting them. The token — 256 random bits, shown once — is the credential; only its
 * SHA-256 is stored. Reads through a link go through {@link Access#throughLink}.
 */
@Stateless
@Interceptors(OwnerPaths.class)
public class ShareLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    FileMetadata metadata;

    @Inject
    Passwords passwords;

    /** A link as the API shows it; {@code token} only in the answer that created it. */
    public record LinkView(
            long id,
            String name,
            boolean folder,
            String path,
            boolean password,
            Instant expires,
            String createdBy,
            Instant created,
            String token) {

        static LinkView of(ShareLink l, String path, String token) {
            return new LinkView(
                    l.getId(),
                    l.getFile().getName(),
                    l.getFile().isFolder(),
                    path,
                    l.getPasswordHash() != null,
                    l.getExpires(),
                    l.getCreatedBy().getUsername(),
                    l.getCreated(),
                    token);
        }
    }

    public LinkView create(Caller caller, String rawPath, String password, Instant expires) {
        DrivePath path = DrivePath.parse(rawPath);
        if (path.isRoot()) {
            throw DriveException.invalid("link a file or folder, not your whole drive");
        }
        if (expires != null && !expires.isAfter(Instant.now())) {
            throw DriveException.invalid("expires must be in the future");
        }
        if (password != null && password.isEmpty()) {
            throw DriveException.invalid("password must not be empty (leave it out for a link without one)");
        }
        FileEntry item = sharable(caller, path);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        ShareLink link = new ShareLink(
                item,
                metadata.user(caller),
                Access.tokenHash(token),
                password == null ? null : passwords.hash(password),
                expires);
        em.persist(link);
        em.flush();
        return LinkView.of(link, path.value(), token);
    }

    /** The links of the item at {@code rawPath}, for those who may share it. */
    public List<LinkView> of(Caller caller, String rawPath) {
        DrivePath path = DrivePath.parse(rawPath);
        FileEntry item = sharable(caller, path);
        return em.createNamedQuery(ShareLink.OF_FILE, ShareLink.class)
                .setParameter("file", item)
                .getResultStream()
                .map(l -> LinkView.of(l, path.value(), null))
                .toList();
    }

    /** Revokes a link: its item's owner or its creator; 404 for anyone else. */
    public void revoke(Caller caller, long id) {
        ShareLink link = em.find(ShareLink.class, id);
        if (link == null
                || !(access.owns(caller, link.getFile())
                        || link.getCreatedBy().getUsername().equals(caller.username()))) {
            throw DriveException.notFound("no such link");
        }
        em.remove(link);
    }

    private FileEntry sharable(Caller caller, DrivePath path) {
        Target target = access.resolve(caller, path, Access.Need.READ);
        FileEntry item = metadata.existing(target.caller(), target.path());
        if (target.shared()
                && !(target.mount().role() == Role.EDITOR && target.mount().canReshare())) {
            throw DriveException.forbidden(
                            "only the owner, or an editor the owner allows, can make links to '" + path + "'")
                    .inCallerTerms();
        }
        return item;
    }

    // Reading through a link (no account needed)

    public FileInfo info(String token, String password, String rawPath, String client) {
        Target t = access.throughLink(token, password, DrivePath.parse(rawPath == null ? "/" : rawPath), client);
        return t.outward(FileInfo.of(metadata.existing(t.caller(), t.path())));
    }

    public Listing list(String token, String password, String rawPath, String client) {
        Target t = access.throughLink(token, password, DrivePath.parse(rawPath == null ? "/" : rawPath), client);
        if (!t.mount().folder()) {
            throw DriveException.conflict("this link is to a file: download it");
        }
        return t.outward(metadata.list(t.caller(), t.path()));
    }

    /** A download ticket for the holder of a link's password (see {@code Access#ticket}). */
    public String ticket(String token, String password, String client) {
        return access.ticket(token, password, client);
    }

    public Download download(String token, String password, String rawPath, String client) {
        Target t = access.throughLink(token, password, DrivePath.parse(rawPath == null ? "/" : rawPath), client);
        return metadata.download(t.caller(), t.path(), null);
    }
}
