package drive.blocks.control;

import drive.platform.control.DriveException;
import drive.platform.control.StagingDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where an upload's bytes wait for block processing: one file per upload job under
 * {@code jobs} under the staging root ({@code drive.staging.dir}, default {@code <drive.home>/staging}), written with constant memory and forced to disk before the
 * job is recorded, so acknowledged bytes survive a crash of the app server or the broker.
 */
@ApplicationScoped
public class JobStaging {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER = 1024 * 1024;

    @Inject
    @ConfigProperty(name = "drive.home", defaultValue = "drive-data")
    String home;

    @Inject
    @ConfigProperty(name = "drive.staging.dir")
    Optional<String> stagingDir = Optional.empty();

    StagingDirectory directory;

    /**
     * A staged upload: the job id naming the file, its length, SHA-256 (the file's identity, recorded
     * with the revision) and CRC32C (what processing checks the staged bytes against: computing it
     * again costs a fraction of a second SHA-256 pass).
     */
    public record Staged(String id, long size, String sha256, long crc32c) {}

    @PostConstruct
    void init() {
        directory = new StagingDirectory(StagingDirectory.root(home, stagingDir).resolve("jobs"), ID, "upload job");
    }

    /** Copies {@code in} to a new staging file (at most {@code maxBytes}), forced to disk. */
    public Staged stage(InputStream in, long maxBytes) {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String id = HexFormat.of().formatHex(raw);
        Path file = directory.pathOf(id);
        MessageDigest sha = BlockIngest.sha256();
        CRC32C crc = new CRC32C();
        long total = 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.readNBytes(buffer, 0, BUFFER)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new DriveException(
                            DriveException.Kind.TOO_LARGE, "file is larger than " + maxBytes + " bytes");
                }
                sha.update(buffer, 0, n);
                crc.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
            directory.force();
        } catch (IOException | RuntimeException e) {
            delete(id);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException("upload stream failed after " + total + " bytes", (IOException) e);
        }
        return new Staged(id, total, HexFormat.of().formatHex(sha.digest()), crc.getValue());
    }

    public InputStream open(String id) throws IOException {
        try {
            return Files.newInputStream(directory.pathOf(id));
        } catch (NoSuchFileException e) {
            throw new IOException("the staged content of upload job " + id + " is missing", e);
        }
    }

    public void delete(String id) {
        directory.delete(id);
    }

    /** The job ids that have a staging file (for the start-up sweep). */
    public List<String> ids() {
        return directory.ids();
    }

    /** The job ids whose staging file is older than {@code age} (another instance may be recording a newer one's job). */
    public List<String> idsOlderThan(Duration age) {
        return directory.idsOlderThan(age);
    }
}
