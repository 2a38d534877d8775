package drive.client;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The local side: scanning the folder (size and modification time of every entry, by Drive path),
 * and writing files only atomically — to a temporary file in the metadata directory, forced to
 * disk, then renamed over the target — so that a crash never leaves a partial file behind.
 */
final class LocalFiles {

    /** The metadata directory inside the synced folder; never synced. */
    static final String META = ".drive-sync";

    /** A local entry as the scan saw it; {@code mtime} in nanoseconds since the epoch. */
    record Local(boolean folder, long size, long mtime) {}

    private LocalFiles() {}

    /** Every directory and regular file below {@code root} (symbolic links and the metadata directory left out), by Drive path. */
    static TreeMap<String, Local> scan(Path root) throws IOException {
        TreeMap<String, Local> found = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                if (dir.getParent().equals(root) && dir.getFileName().toString().equals(META)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                found.put(drivePath(root, dir), new Local(true, 0, 0));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    found.put(drivePath(root, file), new Local(false, attrs.size(), mtime(attrs)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // vanished while scanning: the next scan sees it as it is
            }
        });
        return found;
    }

    static Optional<Local> stat(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isDirectory()) {
                return Optional.of(new Local(true, 0, 0));
            }
            return a.isRegularFile() ? Optional.of(new Local(false, a.size(), mtime(a))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static long mtime(BasicFileAttributes attrs) {
        return attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    /** "/a/b.txt" for {@code root}/a/b.txt. */
    static String drivePath(Path root, Path file) {
        StringBuilder path = new StringBuilder();
        for (Path part : root.relativize(file)) {
            path.append('/').append(part);
        }
        return path.toString();
    }

    static Path local(Path root, String drivePath) {
        return root.resolve(drivePath.substring(1));
    }

    /** Writes {@code data} to {@code target} atomically (temporary file next to it, fsync, rename). */
    static void writeAtomically(Path target, byte[] data, boolean ownerOnly) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".tmp-", "");
        try {
            if (ownerOnly) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(data));
                out.force(true);
            }
            replace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Renames {@code from} over {@code to} in one step. */
    static void replace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename atomically into " + to + " (another file system?)", e);
        }
    }
}
