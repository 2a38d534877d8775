package drive.files.control;

import drive.blocks.control.BlockPointer;
import drive.blocks.entity.Block;
import drive.cache.control.MetadataCache;
import drive.cache.control.Region;
import drive.devices.entity.Device;
import drive.files.entity.FileEntry;
import drive.files.entity.FileStatus;
import drive.files.entity.FileVersion;
import drive.files.entity.Namespace;
import drive.files.entity.OnConflict;
import drive.files.entity.UploadJob;
import drive.files.entity.VersionBlock;
import drive.platform.control.DriveException;
import drive.users.control.Caller;
import drive.users.entity.User;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the metadata of files in the caller's namespace: the {@code file} rows, their
 * immutable versions and block lists. Runs in the transaction of the facade that calls it. Listings,
 * entries and revision lists are read through the {@link MetadataCache}.
 */
@Dependent
public class FileMetadata {

    @PersistenceContext
    EntityManager em;

    @Inject
    MetadataCache cache;

    /** The caller's namespace and how much room is left in it. */
    public record Space(long namespaceId, long used, long quota) {
        public void checkRoomFor(long bytes) {
            if (used + bytes > quota) {
                throw new DriveException(
                        DriveException.Kind.QUOTA,
                        "storage quota exceeded: " + used + " of " + quota + " bytes used, " + bytes + " more needed");
            }
        }
    }

    public Space space(Caller caller) {
        Namespace ns = namespace(caller);
        Number used = (Number) em.createQuery(
                        "SELECT COALESCE(SUM(f.size), 0) FROM FileEntry f WHERE f.namespace = :ns AND f.folder = false")
                .setParameter("ns", ns)
                .getSingleResult();
        return new Space(ns.getId(), used.longValue(), ns.getOwner().getQuotaBytes());
    }

    /**
     * Where a write to a path goes: the file, and the base revision to check the write against there
     * ({@link #writeTarget}); null for an unconditional write.
     */
    public record Destination(FileEntry file, Long base) {}

    /**
     * The file at {@code path} for a write based on {@code base}, created (with missing parent
     * folders) if absent; never a folder. A file deleted from that path is live again instead, so its
     * history continues; to a writer it had no content (it saw nothing there), so a base of 0 — "the
     * file must not exist" — is taken as the revision it had when it was deleted: the write goes to it
     * unless another write revives it first.
     */
    public Destination destination(Caller caller, DrivePath path, Long base) {
        Namespace ns = namespace(caller);
        for (DrivePath ancestor : path.ancestors()) {
            Optional<FileEntry> existing = find(ns, ancestor);
            if (existing.isPresent() && !existing.get().isFolder()) {
                throw DriveException.conflict("'" + ancestor + "' is a file, so it cannot contain '" + path + "'");
            }
            if (existing.isEmpty()) {
                em.persist(
                        FileEntry.folder(ns, ancestor.value(), ancestor.parent().value(), ancestor.name()));
            }
        }
        Optional<FileEntry> live = find(ns, path);
        if (live.isPresent()) {
            if (live.get().isFolder()) {
                throw DriveException.conflict("'" + path + "' is a folder");
            }
            return new Destination(live.get(), base);
        }
        Optional<FileEntry> revived = revived(ns, path);
        if (revived.isPresent()) {
            long latest = revived.get().getLatestRevision();
            return new Destination(revived.get(), base != null && base == 0 ? Long.valueOf(latest) : base);
        }
        FileEntry created = FileEntry.file(ns, path.value(), path.parent().value(), path.name());
        em.persist(created);
        return new Destination(created, base);
    }

    /**
     * The base revision a write will be checked against when it commits, from {@code baseRevision}
     * or an {@code If-Match} ETag; null for an unconditional write. A write that is stale already
     * and wants no conflict handling ({@link OnConflict#FAIL}) is refused here, before its bytes
     * are read; the decisive check is the one in {@link #writeTarget}, when the revision is written.
     */
    public Long resolveBase(Caller caller, DrivePath path, WriteCondition condition) {
        if (!condition.conditional()) {
            return null;
        }
        Optional<FileEntry> file = find(namespace(caller), path).filter(f -> !f.isFolder());
        long latest = file.map(FileEntry::getLatestRevision).orElse(0L);
        Long base = condition.baseRevision();
        if (condition.ifMatch() != null) {
            String tag = condition.ifMatch().trim();
            boolean matches = tag.equals("*")
                    ? latest > 0
                    : file.map(FileEntry::getSha256)
                            .filter(sha -> tag.replace("\"", "").equalsIgnoreCase(sha))
                            .isPresent();
            if (!matches) {
                throw new StaleRevisionException(
                        "If-Match " + tag + " is not the current ETag of '" + path + "' (latest revision " + latest
                                + "); nothing was saved",
                        latest);
            }
            base = latest;
        }
        if (base != latest && condition.onConflict() == OnConflict.FAIL) {
            throw stale(path.value(), base, latest);
        }
        return base;
    }

    /**
     * The file a write based on {@code base} goes to, checked under a lock on the file's row so
     * that exactly one writer per base revision wins: the file itself when the base is still the
     * latest revision (or the write is unconditional); otherwise, per {@code onConflict}, a refusal
     * ({@link StaleRevisionException}), a new conflicted copy next to it, or the file itself.
     */
    public FileEntry writeTarget(FileEntry file, Long base, OnConflict onConflict, User user, Device device) {
        em.flush(); // a file created in this transaction must be a row before it can be locked
        em.refresh(file, LockModeType.PESSIMISTIC_WRITE);
        if (base == null || base == file.getLatestRevision()) {
            return file;
        }
        return switch (onConflict) {
            case FAIL -> throw stale(file.getPath(), base, file.getLatestRevision());
            case KEEP_BOTH -> conflictedCopy(file, user, device);
            case OVERWRITE -> file;
        };
    }

    public static StaleRevisionException stale(String path, long base, long latest) {
        return new StaleRevisionException(
                "'" + path + "' was changed meanwhile: this write was based on revision " + base
                        + ", the latest is " + latest + "; nothing was saved. Retry with baseRevision=" + latest
                        + ", or with onConflict=keepBoth or onConflict=overwrite",
                latest);
    }

    /**
     * A new, empty file next to {@code file} named as the brief asks: {@code name (conflicted copy
     * YYYY-MM-DD device).ext}, numbered when that name is taken.
     */
    FileEntry conflictedCopy(FileEntry file, User user, Device device) {
        String who = (device != null ? device.getName() : user.getUsername()).replaceAll("[\\p{Cntrl}/\\\\]", "_");
        String name = file.getName();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        DrivePath parent = DrivePath.parse(file.getParentPath());
        for (int n = 1; ; n++) {
            String suffix = " (conflicted copy " + date + " " + who + (n == 1 ? "" : " " + n) + ")" + extension;
            String copyName =
                    truncate(stem, DrivePath.MAX_NAME_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length) + suffix;
            DrivePath path = DrivePath.parse((parent.isRoot() ? "" : parent.value()) + "/" + copyName);
            if (find(file.getNamespace(), path).isEmpty()) {
                FileEntry copy = FileEntry.file(file.getNamespace(), path.value(), parent.value(), path.name());
                em.persist(copy);
                return copy;
            }
        }
    }

    private static String truncate(String s, int maxBytes) {
        String result = s;
        while (result.getBytes(StandardCharsets.UTF_8).length > Math.max(maxBytes, 1)) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** Whether an upload of {@code file} is still being processed by the block server. */
    public boolean uploadsPending(FileEntry file) {
        return em.createQuery(
                                "SELECT COUNT(j) FROM UploadJob j WHERE j.file = :file AND j.status = :pending",
                                Long.class)
                        .setParameter("file", file)
                        .setParameter("pending", UploadJob.Status.PENDING)
                        .getSingleResult()
                > 0;
    }

    public Device device(Caller caller) {
        return caller.deviceId() == null ? null : em.find(Device.class, caller.deviceId());
    }

    /** Writes {@code content} as the file's next (immutable) revision, with its block list and references. */
    public FileVersion revise(FileEntry file, User user, Device device, StoredContent content) {
        Namespace ns = file.getNamespace();
        FileVersion version = new FileVersion(file, content.size(), content.sha256(), user, device);
        em.persist(version);
        Map<String, Block> blocks = new HashMap<>();
        Map<Block, Integer> references = new LinkedHashMap<>();
        int seq = 0;
        for (BlockPointer pointer : content.blocks()) {
            Block block = blocks.computeIfAbsent(pointer.sha256(), hash -> blockFor(ns, pointer));
            em.persist(new VersionBlock(version, seq++, block));
            references.merge(block, 1, Integer::sum);
        }
        file.revised(version);
        em.flush();
        addReferences(references);
        return version;
    }

    /**
     * Keeps {@code block.ref_count} equal to the number of version_block rows pointing at each block:
     * one atomic {@code ref_count = ref_count + n} per group, in the transaction that wrote the rows,
     * so concurrent commits sharing a block cannot lose a reference.
     */
    private void addReferences(Map<Block, Integer> references) {
        Map<Integer, List<Long>> byCount = new HashMap<>();
        references.forEach(
                (block, n) -> byCount.computeIfAbsent(n, k -> new ArrayList<>()).add(block.getId()));
        byCount.forEach((n, ids) -> {
            for (int from = 0; from < ids.size(); from += 500) {
                em.createQuery("UPDATE Block b SET b.refCount = b.refCount + :n WHERE b.id IN :ids")
                        .setParameter("n", (long) n)
                        .setParameter("ids", ids.subList(from, Math.min(from + 500, ids.size())))
                        .executeUpdate();
            }
        });
    }

    private Block blockFor(Namespace ns, BlockPointer pointer) {
        return em.createNamedQuery(Block.BY_HASH, Block.class)
                .setParameter("namespace", ns)
                .setParameter("sha256", pointer.sha256())
                .getResultStream()
                .findFirst()
                .orElseGet(() -> {
                    Block block =
                            new Block(ns, pointer.sha256(), pointer.size(), pointer.storageKey(), pointer.codec());
                    em.persist(block);
                    return block;
                });
    }

    /** The file most recently deleted from {@code path}, live again; empty if there is none. */
    private Optional<FileEntry> revived(Namespace ns, DrivePath path) {
        Optional<FileEntry> deleted = em.createNamedQuery(FileEntry.DELETED_AT, FileEntry.class)
                .setParameter("namespace", ns)
                .setParameter("path", path.value())
                .getResultStream()
                .filter(f -> !f.isFolder())
                .findFirst();
        deleted.ifPresent(FileEntry::undelete);
        return deleted;
    }

    public Listing list(Caller caller, DrivePath path) {
        long ns = namespaceId(caller);
        return cache.read(Region.LISTINGS, ns, path.value(), () -> listing(em.getReference(Namespace.class, ns), path));
    }

    private Listing listing(Namespace ns, DrivePath path) {
        if (!path.isRoot()) {
            FileEntry folder = existing(ns, path);
            if (!folder.isFolder()) {
                throw DriveException.conflict("'" + path + "' is a file, not a folder");
            }
        }
        List<FileInfo> entries = em.createNamedQuery(FileEntry.CHILDREN, FileEntry.class)
                .setParameter("namespace", ns)
                .setParameter("parent", path.value())
                .getResultStream()
                .map(FileInfo::of)
                .toList();
        return new Listing(path.value(), entries);
    }

    public FileEntry existing(Caller caller, DrivePath path) {
        return existing(namespace(caller), path);
    }

    /** What clients see of the entry at {@code path}. */
    public FileInfo info(Caller caller, DrivePath path) {
        long ns = namespaceId(caller);
        return cache.read(
                Region.FILES,
                ns,
                path.value(),
                () -> FileInfo.of(existing(em.getReference(Namespace.class, ns), path)));
    }

    public List<RevisionInfo> revisions(Caller caller, DrivePath path, int limit) {
        long ns = namespaceId(caller);
        return cache.read(Region.REVISIONS, ns, path.value() + "\0" + limit, () -> {
            FileEntry file = existingFile(em.getReference(Namespace.class, ns), path);
            return em.createNamedQuery(FileVersion.OF_FILE, FileVersion.class)
                    .setParameter("file", file)
                    .setMaxResults(limit)
                    .getResultStream()
                    .map(RevisionInfo::of)
                    .toList();
        });
    }

    public Download download(Caller caller, DrivePath path, Long revision) {
        FileEntry file = existingFile(namespace(caller), path);
        if (file.getLatestRevision() == 0 && revision == null) {
            throw DriveException.conflict("'" + path + "' has no content yet: its upload is "
                    + (file.getStatus() == FileStatus.FAILED ? "failed" : "still being processed"));
        }
        long wanted = revision == null ? file.getLatestRevision() : revision;
        FileVersion version = em.createNamedQuery(FileVersion.BY_REVISION, FileVersion.class)
                .setParameter("file", file)
                .setParameter("revision", wanted)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DriveException.notFound("'" + path + "' has no revision " + wanted));
        List<BlockPointer> blocks = pointers(version);
        return new Download(
                file.getNamespace().getId(),
                file.getName(),
                version.getRevision(),
                version.getSize(),
                version.getSha256(),
                version.getCreated(),
                blocks);
    }

    /** A revision's block list, in order. */
    public List<BlockPointer> pointers(FileVersion version) {
        return em.createNamedQuery(VersionBlock.OF_VERSION, VersionBlock.class)
                .setParameter("version", version)
                .getResultStream()
                .map(vb -> pointer(vb.getBlock()))
                .toList();
    }

    public static BlockPointer pointer(Block block) {
        return new BlockPointer(block.getStorageKey(), block.getSha256(), block.getSize(), block.getCodec());
    }

    /** Revision {@code revision} of the file at {@code path}. */
    public FileVersion version(Caller caller, DrivePath path, long revision) {
        FileEntry file = existingFile(namespace(caller), path);
        return em.createNamedQuery(FileVersion.BY_REVISION, FileVersion.class)
                .setParameter("file", file)
                .setParameter("revision", revision)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DriveException.notFound("'" + path + "' has no revision " + revision));
    }

    /** The blocks of {@code namespaceId} among {@code hashes}, by hash (a hash absent from the map is not held). */
    public Map<String, Block> heldBlocks(long namespaceId, Collection<String> hashes) {
        Map<String, Block> held = new HashMap<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(hashes));
        for (int from = 0; from < distinct.size(); from += 500) {
            em.createQuery("SELECT b FROM Block b WHERE b.namespace.id = :ns AND b.sha256 IN :hashes", Block.class)
                    .setParameter("ns", namespaceId)
                    .setParameter("hashes", distinct.subList(from, Math.min(from + 500, distinct.size())))
                    .getResultStream()
                    .forEach(b -> held.put(b.getSha256(), b));
        }
        return held;
    }

    private FileEntry existingFile(Namespace ns, DrivePath path) {
        FileEntry file = existing(ns, path);
        if (file.isFolder()) {
            throw DriveException.conflict("'" + path + "' is a folder, not a file");
        }
        return file;
    }

    private FileEntry existing(Namespace ns, DrivePath path) {
        if (path.isRoot()) {
            throw DriveException.invalid("'/' is the root folder, not a file");
        }
        return find(ns, path).orElseThrow(() -> DriveException.notFound("no file or folder at '" + path + "'"));
    }

    private Optional<FileEntry> find(Namespace ns, DrivePath path) {
        return em.createNamedQuery(FileEntry.BY_PATH, FileEntry.class)
                .setParameter("namespace", ns)
                .setParameter("path", path.value())
                .getResultStream()
                .findFirst();
    }

    public User user(Caller caller) {
        return em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", caller.username())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new DriveException(DriveException.Kind.UNAUTHORIZED, "unknown user"));
    }

    /**
     * The id of the namespace the caller works in: the one {@code Access} resolved a shared path to,
     * or the caller's root (remembered: it never changes).
     */
    private long namespaceId(Caller caller) {
        if (caller.namespaceId() != null) {
            return caller.namespaceId();
        }
        return cache.rootNamespace(caller.username(), () -> namespace(caller).getId());
    }

    /** The namespace the caller works in: their own root, or the one {@code Access} resolved a shared path to. */
    public Namespace namespace(Caller caller) {
        if (caller.namespaceId() != null) {
            return em.find(Namespace.class, caller.namespaceId());
        }
        return em.createNamedQuery(Namespace.ROOT_OF, Namespace.class)
                .setParameter("owner", user(caller))
                .getSingleResult();
    }
}
