package drive.sharing.control;

import drive.blocks.control.BlockIngest;
import drive.blocks.control.BlockMissingException;
import drive.blocks.control.BlockPointer;
import drive.blocks.control.BlockReader;
import drive.blocks.entity.Block;
import drive.files.control.DrivePath;
import drive.files.control.FileMetadata;
import drive.files.control.StoredContent;
import drive.files.control.TreeEntries;
import drive.files.entity.FileEntry;
import drive.files.entity.FileVersion;
import drive.files.entity.Namespace;
import drive.platform.control.DriveException;
import drive.sharing.entity.Role;
import drive.sharing.entity.Share;
import drive.users.control.Caller;
import drive.users.entity.User;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes another user the owner of a shared file or folder. Content is encrypted per namespace, so
 * the live entries are recreated in the new owner's namespace (at {@code /<name>} in their root)
 * with the latest revision of each file; blocks the new owner lacks are decrypted and stored again
 * under their key, one block (≤ 4 MiB) in memory at a time. The old owner's entries are deleted
 * recoverably (their history stays in the old owner's deleted files) and the old owner becomes an
 * editor, with the item added to their drive; every other share follows to the new entries.
 */
@Dependent
public class OwnershipTransfer {

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeEntries entries;

    @Inject
    FileMetadata metadata;

    @Inject
    BlockReader reader;

    @Inject
    BlockIngest ingest;

    /** The moved entries, top first: old row to new row. */
    public record Moved(FileEntry top, Map<FileEntry, FileEntry> rows) {}

    public Moved transfer(FileEntry source, User from, User to, String newName) {
        Namespace target = em.createNamedQuery(Namespace.ROOT_OF, Namespace.class)
                .setParameter("owner", to)
                .getSingleResult();
        List<FileEntry> sources = new ArrayList<>(List.of(source));
        if (source.isFolder()) {
            sources.addAll(entries.liveUnder(source.getNamespace(), DrivePath.parse(source.getPath())));
        }
        long bytes = sources.stream()
                .filter(e -> !e.isFolder())
                .mapToLong(FileEntry::getSize)
                .sum();
        metadata.space(Caller.user(to.getUsername())).checkRoomFor(bytes);
        DrivePath top = DrivePath.parse("/" + newName);
        entries.makeRoom(target, top);
        Map<FileEntry, FileEntry> rows = new HashMap<>();
        for (FileEntry entry : sources) {
            String rel = entry.getPath().substring(source.getPath().length());
            DrivePath path = DrivePath.parse(top.value() + rel);
            FileEntry copy = entry.isFolder()
                    ? FileEntry.folder(target, path.value(), path.parent().value(), path.name())
                    : FileEntry.file(target, path.value(), path.parent().value(), path.name());
            em.persist(copy);
            if (!entry.isFolder() && entry.getLatestRevision() > 0) {
                metadata.revise(copy, from, null, contentIn(target, entry));
            }
            rows.put(entry, copy);
        }
        return new Moved(rows.get(source), rows);
    }

    /** The entry's latest content as blocks of {@code target}, re-encrypting those it lacks. */
    private StoredContent contentIn(Namespace target, FileEntry entry) {
        FileVersion version = em.createNamedQuery(FileVersion.BY_REVISION, FileVersion.class)
                .setParameter("file", entry)
                .setParameter("revision", entry.getLatestRevision())
                .getSingleResult();
        List<BlockPointer> source = metadata.pointers(version);
        Map<String, Block> held = metadata.heldBlocks(
                target.getId(), source.stream().map(BlockPointer::sha256).toList());
        Map<String, BlockPointer> stored = new HashMap<>();
        List<BlockPointer> pointers = new ArrayList<>();
        for (BlockPointer p : source) {
            BlockPointer there = held.containsKey(p.sha256())
                    ? FileMetadata.pointer(held.get(p.sha256()))
                    : stored.computeIfAbsent(
                            p.sha256(), sha -> copy(entry.getNamespace().getId(), target.getId(), p));
            pointers.add(there);
        }
        return new StoredContent(pointers, version.getSize(), version.getSha256());
    }

    private BlockPointer copy(long fromNamespace, long toNamespace, BlockPointer p) {
        ByteArrayOutputStream plain = new ByteArrayOutputStream(p.size());
        try {
            reader.write(fromNamespace, List.of(p), 0, p.size() - 1L, plain);
        } catch (BlockMissingException e) {
            throw new DriveException(
                    DriveException.Kind.UNAVAILABLE, "a block of the item cannot be read; nothing was transferred", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ingest.storeBlock(toNamespace, p.sha256(), plain.toByteArray(), plain.size());
    }

    /**
     * Moves every share of the old rows to the new ones (the new owner's own share ends, its mount
     * is left to the caller to journal) and returns the old owner's new editor share.
     */
    public Share moveShares(Moved moved, User newOwner, User oldOwner) {
        for (Map.Entry<FileEntry, FileEntry> row : moved.rows().entrySet()) {
            for (Share s : em.createNamedQuery(Share.OF_FILE, Share.class)
                    .setParameter("file", row.getKey())
                    .getResultList()) {
                em.remove(s);
                em.flush();
                if (!s.getGrantee().getId().equals(newOwner.getId())) {
                    Share again = new Share(row.getValue(), s.getGrantee(), newOwner, s.getRole(), s.canReshare());
                    again.mount(s.getMountName());
                    em.persist(again);
                }
            }
        }
        Share old = new Share(moved.top(), oldOwner, newOwner, Role.EDITOR, false);
        em.persist(old);
        return old;
    }
}
