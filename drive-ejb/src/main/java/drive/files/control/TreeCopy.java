package drive.files.control;

import drive.devices.entity.Device;
import drive.files.entity.FileEntry;
import drive.files.entity.FileVersion;
import drive.files.entity.Namespace;
import drive.platform.control.DriveException;
import drive.users.control.Caller;
import drive.users.entity.User;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a file or a folder with everything live in it, without reading or writing a byte of
 * content: each copied file is a new file whose revision 1 lists the blocks of the source's latest
 * revision, and those blocks gain the references (their {@code ref_count}) in the same transaction.
 */
@Dependent
public class TreeCopy {

    @PersistenceContext
    EntityManager em;

    @Inject
    TreeEntries entries;

    @Inject
    FileMetadata metadata;

    public FileEntry copy(Caller caller, DrivePath from, DrivePath to) {
        TreeOperations.checkNotIntoItself("copy", from, to);
        Namespace ns = entries.namespace(caller);
        FileEntry source = entries.existing(ns, from);
        List<FileEntry> sources = new ArrayList<>(List.of(source));
        if (source.isFolder()) {
            sources.addAll(entries.liveUnder(ns, from)); // parents before children
        }
        long bytes = 0;
        for (FileEntry entry : sources) {
            TreeEntries.rebased(entry.getPath(), from, to);
            if (!entry.isFolder() && entry.getLatestRevision() == 0) {
                throw DriveException.conflict("'" + entry.getPath() + "' has no content yet (its upload is "
                        + entry.getStatus().name().toLowerCase() + "), so it cannot be copied");
            }
            bytes += entry.isFolder() ? 0 : entry.getSize();
        }
        metadata.space(caller).checkRoomFor(bytes);
        entries.makeRoom(ns, to);
        User user = metadata.user(caller);
        Device device = caller.deviceId() == null ? null : em.find(Device.class, caller.deviceId());
        FileEntry copied = null;
        for (FileEntry entry : sources) {
            FileEntry copy = copyOf(ns, entry, TreeEntries.rebased(entry.getPath(), from, to), user, device);
            copied = copied == null ? copy : copied;
        }
        return copied;
    }

    private FileEntry copyOf(Namespace ns, FileEntry source, DrivePath target, User user, Device device) {
        String parent = target.parent().value();
        if (source.isFolder()) {
            FileEntry folder = FileEntry.folder(ns, target.value(), parent, target.name());
            em.persist(folder);
            return folder;
        }
        FileEntry file = FileEntry.file(ns, target.value(), parent, target.name());
        em.persist(file);
        metadata.revise(file, user, device, latestContent(source));
        return file;
    }

    /** The source's latest revision as a block list: what a new revision sharing its blocks needs. */
    private StoredContent latestContent(FileEntry source) {
        FileVersion version = em.createNamedQuery(FileVersion.BY_REVISION, FileVersion.class)
                .setParameter("file", source)
                .setParameter("revision", source.getLatestRevision())
                .getSingleResult();
        return new StoredContent(metadata.pointers(version), version.getSize(), version.getSha256());
    }
}
