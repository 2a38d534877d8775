package drive.files.control;

import drive.files.entity.FileEntry;
import drive.files.entity.Namespace;
import drive.sync.control.FileChanged;
import drive.sync.entity.ChangeKind;
import drive.users.control.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Journals a tree operation once it is flushed: one entry per file or folder it changed (the top
 * entry first, then what is below it, parents before children), so a client can apply every entry
 * alone, without listing folders. The entries below are found again by what the operation left.
 */
@Dependent
public class TreeChanges {

    @Inject
    TreeEntries entries;

    @Inject
    Event<FileChanged> changed;

    public void folderCreated(Caller caller, FileEntry folder) {
        changed.fire(FileChanged.of(ChangeKind.FOLDER_CREATED, folder, caller));
    }

    /** {@code moved} now lives at {@code to}, with everything that was below {@code from}. */
    public void moved(Caller caller, FileEntry moved, DrivePath from, DrivePath to) {
        for (FileEntry entry : withLiveBelow(moved, to)) {
            String previous =
                    from.value() + entry.getPath().substring(to.value().length());
            changed.fire(FileChanged.moved(entry, previous, caller));
        }
    }

    /** {@code copy} is the new entry at {@code to}, with copies of everything that was below the source. */
    public void copied(Caller caller, FileEntry copy, DrivePath to) {
        for (FileEntry entry : withLiveBelow(copy, to)) {
            changed.fire(
                    FileChanged.of(entry.isFolder() ? ChangeKind.FOLDER_CREATED : ChangeKind.ADDED, entry, caller));
        }
    }

    public void deleted(Caller caller, FileEntry deleted, DrivePath path) {
        List<FileEntry> all = new ArrayList<>(List.of(deleted));
        if (deleted.isFolder()) {
            all.addAll(entries.deletedUnder(deleted.getNamespace(), path, deleted.getId()).stream()
                    .sorted((a, b) -> a.getPath().compareTo(b.getPath()))
                    .toList());
        }
        all.forEach(entry -> changed.fire(FileChanged.of(ChangeKind.DELETED, entry, caller)));
    }

    public void undeleted(Caller caller, FileEntry undeleted, DrivePath path) {
        withLiveBelow(undeleted, path)
                .forEach(entry -> changed.fire(FileChanged.of(ChangeKind.UNDELETED, entry, caller)));
    }

    /** The entry and, for a folder, everything live below its path (nothing else can be there: the path was free). */
    private List<FileEntry> withLiveBelow(FileEntry top, DrivePath path) {
        List<FileEntry> all = new ArrayList<>(List.of(top));
        if (top.isFolder()) {
            Namespace ns = top.getNamespace();
            all.addAll(entries.liveUnder(ns, path));
        }
        return all;
    }
}
