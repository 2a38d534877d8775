package drive.files.control;

import drive.platform.control.DriveException;
import drive.platform.control.StagingDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The staging files of resumable uploads, one per session under the staging root ({@code
 * drive.staging.dir}, default {@code <drive.home>/staging}; see {@link StagingDirectory#root}): the
 * bytes received so far, kept on disk (not in memory) until the last one arrives. A file is only
 * ever opened under an exclusive lock, so two requests for one session never interleave.
 */
@ApplicationScoped
public class StagingArea {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    @Inject
    @ConfigProperty(name = "drive.home", defaultValue = "drive-data")
    String home;

    @Inject
    @ConfigProperty(name = "drive.staging.dir")
    Optional<String> stagingDir = Optional.empty();

    StagingDirectory directory;

    @PostConstruct
    void init() {
        directory = new StagingDirectory(StagingDirectory.root(home, stagingDir), ID, "upload session");
    }

    /** Opens (creating if needed) and locks the staging file of a session; close it to unlock. */
    public StagedFile open(String id) {
        return openWhenFree(id, Duration.ZERO).orElseThrow(this::busy);
    }

    /**
     * As {@link #open}, but while another request holds the file (its last chunk is being committed,
     * say) waits up to {@code patience} for it; empty if it still holds it then.
     */
    public Optional<StagedFile> openWhenFree(String id, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (long pause = 20; ; pause = Math.min(pause * 2, 250)) {
            StagedFile file = tryOpen(id);
            if (file != null || System.nanoTime() > deadline) {
                return Optional.ofNullable(file);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** The locked staging file, or null while another request (of this process or another) holds it. */
    private StagedFile tryOpen(String id) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    directory.pathOf(id), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                close(channel);
                return null;
            }
            return new StagedFile(channel);
        } catch (OverlappingFileLockException e) {
            close(channel);
            return null;
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot open staging file of upload " + id, e);
        }
    }

    /** The 409 for a session another request holds. */
    public DriveException busy() {
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

    public void delete(String id) {
        directory.delete(id);
    }

    /** The session ids that have a staging file (for sweeping orphans). */
    public List<String> ids() {
        return directory.ids();
    }
}
