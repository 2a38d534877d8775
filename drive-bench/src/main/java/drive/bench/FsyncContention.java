package drive.bench;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What the disk does to an upload's two writes when they run side by side, as they would if blocks
 * were stored while the body arrives (tried, not kept: README, performance): 1 GiB of 1 MiB block files, each forced to disk before its rename
 * (as {@code FileSystemBlockStore} does), next to a 1 GiB staging file written buffered (through the
 * page cache), uncached ({@code O_DIRECT}), or not at all; each then forced. Prints seconds per case.
 *
 * <pre>java -cp drive-bench/target/benchmarks.jar drive.bench.FsyncContention [directory on the data disk]</pre>
 */
public final class FsyncContention {

    private static final int MIB = 1 << 20;
    private static final int COUNT = 1024;

    private FsyncContention() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory(Path.of(args.length > 0 ? args[0] : "."), "fsync-contention");
        byte[] data = new byte[MIB];
        new Random(1).nextBytes(data);
        try {
            for (int round = 1; round <= 2; round++) {
                for (String staging : List.of("none", "buffered", "uncached")) {
                    clean(dir);
                    sync();
                    long start = System.nanoTime();
                    Thread stager = staging.equals("none") ? null : new Thread(() -> stage(dir, data, staging));
                    if (stager != null) {
                        stager.start();
                    }
                    double blocks = blocks(dir, data, start);
                    if (stager != null) {
                        stager.join();
                    }
                    System.out.printf(
                            "round %d, staging %-8s: 1 GiB of forced 1 MiB blocks in %.2f s, both writes done in %.2f s%n",
                            round, staging, blocks, (System.nanoTime() - start) / 1e9);
                }
            }
        } finally {
            clean(dir);
            Files.deleteIfExists(dir);
        }
    }

    private static double blocks(Path dir, byte[] data, long start) throws IOException {
        for (int i = 0; i < COUNT; i++) {
            Path temp = dir.resolve("b" + i + ".tmp");
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temp, dir.resolve("b" + i));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void stage(Path dir, byte[] data, String how) {
        boolean uncached = how.equals("uncached");
        ByteBuffer aligned = ByteBuffer.allocateDirect(MIB + 4096).alignedSlice(4096);
        Path staged = dir.resolve("staged");
        try (FileChannel out = uncached
                ? FileChannel.open(
                        staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT)
                : FileChannel.open(staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int i = 0; i < COUNT; i++) {
                ByteBuffer buffer;
                if (uncached) {
                    aligned.clear();
                    aligned.put(data);
                    buffer = aligned.flip();
                } else {
                    buffer = ByteBuffer.wrap(data);
                }
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clean(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
    }

    private static void sync() throws IOException, InterruptedException {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }
}
