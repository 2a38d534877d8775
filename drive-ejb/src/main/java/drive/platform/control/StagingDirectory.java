package drive.platform.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A directory of staging files named by id (resumable-upload sessions, upload jobs): creates the
 * directory, maps ids to paths (refusing anything that is not an id of the expected shape, so no
 * id can reach outside it), deletes, and lists the ids present for start-up sweeps.
 */
public final class StagingDirectory {

    private final Path root;
    private final Pattern id;
    private final String what;

    /** @param what what a file holds, for messages ("upload session", "upload job") */
    public StagingDirectory(Path root, Pattern id, String what) {
        this.root = root.toAbsolutePath();
        this.id = id;
        this.what = what;
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create staging directory " + this.root, e);
        }
    }

    /** The staging root: {@code drive.staging.dir} when set (a shared directory for several instances), else {@code <home>/staging}. */
    public static Path root(String home, Optional<String> configured) {
        return configured == null || configured.filter(d -> !d.isBlank()).isEmpty()
                ? Path.of(home, "staging")
                : Path.of(configured.get().strip());
    }

    public Path pathOf(String name) {
        if (name == null || !id.matcher(name).matches()) {
            throw new IllegalArgumentException("not the id of an " + what + ": " + name);
        }
        return root.resolve(name);
    }

    /** Forces the directory itself to disk, so a newly created staging file's name survives a crash. */
    public void force() {
        try (FileChannel channel = FileChannel.open(root, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Some file systems refuse to open a directory; the file's own data is forced regardless.
        }
    }

    public void delete(String name) {
        try {
            Files.deleteIfExists(pathOf(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the staging file of " + what + " " + name, e);
        }
    }

    /** The ids that have a staging file. */
    public List<String> ids() {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> id.matcher(n).matches())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /**
     * The ids whose staging file was last written more than {@code age} ago. Sweeps use this: with a
     * shared staging directory another instance may have just staged a file whose job it is about
     * to record.
     */
    public List<String> idsOlderThan(Duration age) {
        Instant before = Instant.now().minus(age);
        return ids().stream().filter(name -> modifiedBefore(name, before)).toList();
    }

    private boolean modifiedBefore(String name, Instant before) {
        try {
            return Files.getLastModifiedTime(root.resolve(name)).toInstant().isBefore(before);
        } catch (IOException e) {
            return false; // gone meanwhile: nothing to sweep
        }
    }
}
