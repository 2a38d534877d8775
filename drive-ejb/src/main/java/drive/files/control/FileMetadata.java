package drive.files.control;

import drive.blocks.control.BlockPointer;
import drive.blocks.control.Content;
import drive.blocks.entity.Block;
import drive.devices.entity.Device;
import drive.files.entity.FileEntry;
import drive.files.entity.FileStatus;
import drive.files.entity.FileVersion;
import drive.files.entity.Namespace;
import drive.files.entity.VersionBlock;
import drive.platform.control.DriveException;
import drive.users.control.Caller;
import drive.users.entity.User;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the metadata of files in the caller's namespace: the {@code file} rows, their
 * immutable versions and block lists. Runs in the transaction of the facade that calls it.
 */
@Dependent
public class FileMetadata {

    @PersistenceContext
    EntityManager em;

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

    /** The file at {@code path}, created (with missing parent folders) if absent; never a folder. */
    public FileEntry fileFor(Caller caller, DrivePath path) {
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
        FileEntry file = find(ns, path).orElseGet(() -> {
            FileEntry created = FileEntry.file(ns, path.value(), path.parent().value(), path.name());
            em.persist(created);
            return created;
        });
        if (file.isFolder()) {
            throw DriveException.conflict("'" + path + "' is a folder");
        }
        return file;
    }

    /** Writes {@code content}, whose SHA-256 is {@code sha256}, as the file's next (immutable) revision, with its block list and references. */
    public FileVersion revise(FileEntry file, User user, Device device, Content content, String sha256) {
        Namespace ns = file.getNamespace();
        FileVersion version = new FileVersion(file, content.size(), sha256, user, device);
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

    public Listing list(Caller caller, DrivePath path) {
        Namespace ns = namespace(caller);
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

    public List<RevisionInfo> revisions(Caller caller, DrivePath path, int limit) {
        FileEntry file = existingFile(namespace(caller), path);
        return em.createNamedQuery(FileVersion.OF_FILE, FileVersion.class)
                .setParameter("file", file)
                .setMaxResults(limit)
                .getResultStream()
                .map(RevisionInfo::of)
                .toList();
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
        List<BlockPointer> blocks = em.createNamedQuery(VersionBlock.OF_VERSION, VersionBlock.class)
                .setParameter("version", version)
                .getResultStream()
                .map(vb -> new BlockPointer(
                        vb.getBlock().getStorageKey(),
                        vb.getBlock().getSha256(),
                        vb.getBlock().getSize(),
                        vb.getBlock().getCodec()))
                .toList();
        return new Download(
                file.getNamespace().getId(),
                file.getName(),
                version.getRevision(),
                version.getSize(),
                version.getSha256(),
                version.getCreated(),
                blocks);
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

    private Namespace namespace(Caller caller) {
        return em.createNamedQuery(Namespace.ROOT_OF, Namespace.class)
                .setParameter("owner", user(caller))
                .getSingleResult();
    }
}
