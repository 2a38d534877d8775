package drive.files.control;

import drive.platform.control.DriveException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The staging files of resumable uploads, one per session under {@code <drive.home>/staging}: the
 * bytes received so far, kept on disk (not in memory) until the last one arrives. A file is only
 * ever opened under an exclusive lock, so two requests for one session never interleave.
 */
@ApplicationScoped
public class StagingArea {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    @Inject
    @ConfigProperty(name = "drive.home", defaultValue = "drive-data")
    String home;

    Path root;

    @PostConstruct
    void init() {
        root = Path.of(home, "staging").toAbsolutePath();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create staging directory " + root, e);
        }
    }

    /** Opens (creating if needed) and locks the staging file of a session; close it to unlock. */
    public StagedFile open(String id) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    pathOf(id), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw busy();
            }
            return new StagedFile(channel);
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw busy();
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot open staging file of upload " + id, e);
        }
    }

    public void delete(String id) {
        try {
            Files.deleteIfExists(pathOf(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete staging file of upload " + id, e);
        }
    }

    /** The session ids that have a staging file (for sweeping orphans). */
    public List<String> ids() {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> ID.matcher(n).matches())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private Path pathOf(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an upload id: " + id);
        }
        return root.resolve(id);
    }

    private static DriveException busy() {
        return DriveException.conflict("another request is writing to this upload session; try again");
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
