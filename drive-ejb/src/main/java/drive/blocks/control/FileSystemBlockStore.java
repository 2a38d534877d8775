package drive.blocks.control;

import jakarta.enterprise.inject.Vetoed;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The embedded default block store: one file per block under {@code <drive.home>/blocks}, keys
 * mapped to paths one-to-one. Writes go to a temporary file in the same directory, are forced to
 * disk, then atomically renamed into place, so a crash leaves either the whole object or none of it
 * — never a torn one. The renames are made durable by forcing each directory once per batch of puts
 * ({@link #syncNames}) rather than once per block. Built by {@link BlockStores}, not a bean itself.
 */
@Vetoed
public class FileSystemBlockStore implements BlockStore {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(/[a-z0-9]+)*");

    private final Path root;

    /** Blocks live under {@code root}; {@link BlockStores} creates it, tests and tools pass any directory. */
    public FileSystemBlockStore(Path root) {
        this.root = root;
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public void put(String key, byte[] data, int length) throws IOException {
        Path target = pathOf(key);
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data, 0, length);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void syncNames(Collection<String> keys) {
        Set<Path> directories = new HashSet<>();
        for (String key : keys) {
            directories.add(pathOf(key).getParent());
        }
        directories.forEach(FileSystemBlockStore::forceDirectory);
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the block directory's file system cannot rename atomically", e);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Some file systems refuse to open a directory; the rename itself is still atomic.
        }
    }

    @Override
    public byte[] get(String key) throws IOException {
        try {
            return Files.readAllBytes(pathOf(key));
        } catch (NoSuchFileException e) {
            throw new BlockMissingException("block object " + key + " is missing from the store");
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    private Path pathOf(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a block key: " + key);
        }
        return root.resolve(key);
    }
}
