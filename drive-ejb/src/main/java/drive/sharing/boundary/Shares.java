package drive.sharing.boundary;

import drive.files.control.DrivePath;
import drive.files.control.FileMetadata;
import drive.files.control.TreeChanges;
import drive.files.control.TreeOperations;
import drive.files.entity.FileEntry;
import drive.platform.control.DriveException;
import drive.sharing.control.Access;
import drive.sharing.control.OwnerPaths;
import drive.sharing.control.OwnershipTransfer;
import drive.sharing.control.ShareGranted;
import drive.sharing.control.ShareView;
import drive.sharing.control.Target;
import drive.sharing.entity.Role;
import drive.sharing.entity.Share;
import drive.sync.control.FileChanged;
import drive.sync.entity.ChangeKind;
import drive.users.control.Caller;
import drive.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Sharing a file or folder with other users, each step one transaction. The owner (or an editor
 * the owner allowed to reshare) grants a role; the recipient finds it under "Shared with me" and
 * adds it to their drive as {@code /<name>} (a mount: the content stays in the owner's namespace,
 * stored once). The owner changes roles and revokes; the recipient leaves. Adding and removing a
 * mount is journaled in the recipient's own journal ({@code shared} / {@code unshared}), so their
 * sync clients learn about it. Who may do what is decided by {@link Access}.
 */
@Stateless
@Interceptors(OwnerPaths.class)
public class Shares {

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    FileMetadata metadata;

    @Inject
    Event<FileChanged> changed;

    @Inject
    Event<ShareGranted> granted;

    @Inject
    OwnershipTransfer transfers;

    @Inject
    TreeOperations tree;

    @Inject
    TreeChanges treeJournal;

    /**
     * Makes {@code username}, who must already have a share of the item, its owner (see {@link
     * OwnershipTransfer}): the item leaves the caller's drive and comes back as a share with the
     * caller as editor; it appears in the new owner's drive at {@code /<name>}. Returns the item as
     * the caller now sees it.
     */
    public ShareView transfer(Caller caller, String rawPath, String username) {
        DrivePath path = DrivePath.parse(rawPath);
        Target target = access.resolve(caller, path, Access.Need.WRITE);
        if (target.shared() || path.isRoot()) {
            throw target.shared()
                    ? DriveException.forbidden("only the owner of '" + path + "' can transfer its ownership")
                            .inCallerTerms()
                    : DriveException.invalid("transfer a file or folder, not your whole drive");
        }
        Caller owner = target.caller();
        FileEntry entry = metadata.existing(owner, path);
        User from = metadata.user(owner);
        User to = user(username);
        Share existing = em.createNamedQuery(Share.OF_FILE, Share.class)
                .setParameter("file", entry)
                .getResultStream()
                .filter(s -> s.getGrantee().getId().equals(to.getId()))
                .findFirst()
                .orElseThrow(() -> DriveException.invalid(
                        "share '" + path + "' with '" + username + "' first: ownership goes to someone who has it"));
        Caller newOwner = Caller.user(to.getUsername());
        unmounted(caller, existing);
        String name = freeName(newOwner, entry.getName());
        OwnershipTransfer.Moved moved = transfers.transfer(entry, from, to, name);
        Share mine = transfers.moveShares(moved, to, from);
        FileEntry deleted = tree.delete(owner, path);
        em.flush();
        treeJournal.deleted(owner, deleted, path);
        treeJournal.copied(owner, moved.top(), DrivePath.parse("/" + name));
        mine.mount(freeName(owner, entry.getName()));
        em.flush();
        changed.fire(journalEntry(caller, mine, ChangeKind.SHARED, moved.top()));
        return ShareView.of(mine, caller.username());
    }

    /** Shares the item at {@code rawPath} (as the caller sees it) with {@code username}. */
    public ShareView share(Caller caller, String rawPath, String username, String role, boolean canReshare) {
        DrivePath path = DrivePath.parse(rawPath);
        if (path.isRoot()) {
            throw DriveException.invalid("share a file or folder, not your whole drive");
        }
        Role wanted = role(role);
        Target target = access.resolve(caller, path, Access.Need.READ);
        FileEntry entry = metadata.existing(target.caller(), target.path());
        if (target.shared()
                && !(target.mount().role() == Role.EDITOR && target.mount().canReshare())) {
            throw DriveException.forbidden("only the owner, or an editor the owner allows, can share '" + path + "'")
                    .inCallerTerms();
        }
        User grantee = user(username);
        if (grantee.getUsername().equals(caller.username())
                || grantee.getId().equals(entry.getNamespace().getOwner().getId())) {
            throw DriveException.invalid("'" + username + "' already has '" + path + "': share it with someone else")
                    .inCallerTerms();
        }
        boolean exists = em.createNamedQuery(Share.OF_FILE, Share.class)
                .setParameter("file", entry)
                .getResultStream()
                .anyMatch(s -> s.getGrantee().getId().equals(grantee.getId()));
        if (exists) {
            throw DriveException.conflict("'" + path + "' is already shared with '" + username
                            + "'; change the role with PUT /api/shares/{id}")
                    .inCallerTerms();
        }
        Share share = new Share(entry, grantee, metadata.user(caller), wanted, canReshare && wanted == Role.EDITOR);
        em.persist(share);
        em.flush();
        granted.fire(
                new ShareGranted(share.getId(), grantee.getId(), caller.username(), entry.getName(), entry.isFolder()));
        return ShareView.of(share, caller.username());
    }

    /** Who has access to the item at {@code rawPath}: anyone who can read it may ask. */
    public List<ShareView> of(Caller caller, String rawPath) {
        Target target = access.resolve(caller, DrivePath.parse(rawPath), Access.Need.READ);
        FileEntry entry = metadata.existing(target.caller(), target.path());
        return em.createNamedQuery(Share.OF_FILE, Share.class)
                .setParameter("file", entry)
                .getResultStream()
                .map(s -> ShareView.of(s, caller.username()))
                .toList();
    }

    /** "Shared with me": every share granted to the caller, added to their drive or not. */
    public List<ShareView> incoming(Caller caller) {
        return em.createNamedQuery(Share.OF_GRANTEE, Share.class)
                .setParameter("username", caller.username())
                .getResultStream()
                .filter(s -> !s.getFile().isDeleted())
                .map(s -> ShareView.of(s, caller.username()))
                .toList();
    }

    /** Changes the role (and resharing) of a share: its item's owner, or whoever granted it. */
    public ShareView change(Caller caller, long id, String role, Boolean canReshare) {
        Share share = managed(caller, id);
        Role wanted = role == null ? share.getRole() : role(role);
        boolean reshare = canReshare == null ? share.canReshare() : canReshare;
        share.change(wanted, reshare && wanted == Role.EDITOR);
        return ShareView.of(share, caller.username());
    }

    /** Revokes (owner or granter) or leaves (recipient) a share; a mounted one leaves the drive at once. */
    public void remove(Caller caller, long id) {
        Share share = find(id);
        if (!share.getGrantee().getUsername().equals(caller.username())) {
            share = managed(caller, id);
        }
        unmounted(caller, share);
        em.remove(share);
    }

    /** Adds a share to the recipient's drive at {@code /<name>} (the item's name by default). */
    public ShareView mount(Caller caller, long id, String name) {
        Share share = received(caller, id);
        if (share.getMountName() != null && (name == null || name.equals(share.getMountName()))) {
            return ShareView.of(share, caller.username());
        }
        unmounted(caller, share);
        share.mount(
                name != null
                        ? checkedName(caller, name)
                        : freeName(caller, share.getFile().getName()));
        em.flush();
        FileEntry file = share.getFile();
        changed.fire(journalEntry(caller, share, ChangeKind.SHARED, file));
        return ShareView.of(share, caller.username());
    }

    /** Removes a share from the recipient's drive; it stays under "Shared with me". */
    public ShareView unmount(Caller caller, long id) {
        Share share = received(caller, id);
        unmounted(caller, share);
        return ShareView.of(share, caller.username());
    }

    private void unmounted(Caller caller, Share share) {
        if (share.getMountName() == null) {
            return;
        }
        FileChanged entry = journalEntry(caller, share, ChangeKind.UNSHARED, share.getFile());
        share.mount(null);
        em.flush();
        changed.fire(entry);
    }

    /** The entry in the recipient's own journal for a mount added or removed. */
    private FileChanged journalEntry(Caller caller, Share share, ChangeKind kind, FileEntry file) {
        long recipientRoot = access.ownNamespace(Caller.user(share.getGrantee().getUsername()));
        return new FileChanged(
                recipientRoot,
                kind,
                "/" + share.getMountName(),
                null,
                file.isFolder(),
                file.isFolder() ? null : file.getLatestRevision(),
                file.isFolder() ? null : file.getSize(),
                file.isFolder() ? null : file.getSha256(),
                caller.own());
    }

    private String checkedName(Caller caller, String name) {
        DrivePath path = DrivePath.parse("/" + name);
        if (!path.parent().isRoot()) {
            throw DriveException.invalid("name must be one file or folder name, without '/'");
        }
        if (taken(caller, path.name())) {
            throw DriveException.conflict("there is already something at '/" + path.name() + "' in your drive");
        }
        return path.name();
    }

    private String freeName(Caller caller, String name) {
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? name : name + " (" + n + ")";
            if (!taken(caller, candidate)) {
                return candidate;
            }
        }
    }

    private boolean taken(Caller caller, String name) {
        return access.resolve(caller, DrivePath.parse("/" + name), Access.Need.READ)
                        .shared()
                || em.createNamedQuery(FileEntry.BY_PATH, FileEntry.class)
                        .setParameter("namespace", metadata.namespace(caller.own()))
                        .setParameter("path", "/" + name)
                        .getResultStream()
                        .findFirst()
                        .isPresent();
    }

    /** A share the caller received; 404 otherwise. */
    private Share received(Caller caller, long id) {
        Share share = find(id);
        if (!share.getGrantee().getUsername().equals(caller.username())) {
            throw notFound();
        }
        return share;
    }

    /** A share the caller may change: they own its item or granted it; 403 for its recipient, else 404. */
    private Share managed(Caller caller, long id) {
        Share share = find(id);
        if (access.owns(caller, share.getFile())
                || share.getGrantedBy().getUsername().equals(caller.username())) {
            return share;
        }
        if (share.getGrantee().getUsername().equals(caller.username())) {
            throw DriveException.forbidden("only the owner of a shared item (or who shared it) can change this share");
        }
        throw notFound();
    }

    private Share find(long id) {
        Share share = em.find(Share.class, id);
        if (share == null) {
            throw notFound();
        }
        return share;
    }

    private static DriveException notFound() {
        return DriveException.notFound("no such share");
    }

    private User user(String username) {
        if (username == null || username.isBlank()) {
            throw DriveException.invalid("user is required: the username to share with");
        }
        return em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DriveException.notFound("no user '" + username + "'"));
    }

    static Role role(String role) {
        if ("viewer".equals(role)) {
            return Role.VIEWER;
        }
        if ("editor".equals(role)) {
            return Role.EDITOR;
        }
        throw DriveException.invalid("role must be 'viewer' or 'editor'");
    }
}
