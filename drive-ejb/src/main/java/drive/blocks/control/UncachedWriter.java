package drive.blocks.control;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a new file front to back in pieces of {@code pieceSize} bytes (only the last may be shorter),
 * past the page cache ({@code O_DIRECT}) where the file system allows it, else through it. A staged
 * upload is read back at most once, and on ext4 a gigabyte of its dirty pages made the block store's
 * {@code fsync}s, running at the same time, wait: 1 GiB of 1 MiB files, each forced, took 1.9–4.3 s
 * next to a buffered 1 GiB write and 2.0–2.6 s next to an uncached one ({@code
 * drive.bench.FsyncContention}; README, performance). Complete and durable once {@link #finish}
 * returns.
 */
final class UncachedWriter implements Closeable {

    private final FileChannel channel;
    private final ByteBuffer aligned; // null: buffered
    private final int alignment;
    private long written;
    private boolean ended;

    private UncachedWriter(FileChannel channel, ByteBuffer aligned, int alignment) {
        this.channel = channel;
        this.aligned = aligned;
        this.alignment = alignment;
    }

    /**
     * Creates {@code file} (which must not exist): uncached if {@code large} (a small file is not
     * worth the aligned buffer) and {@code pieceSize} suits the file system.
     */
    static UncachedWriter create(Path file, int pieceSize, boolean large) throws IOException {
        int alignment = large ? blockSize(file.getParent()) : 0;
        if (alignment > 0 && pieceSize % alignment == 0) {
            try {
                FileChannel channel = FileChannel.open(
                        file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
                ByteBuffer buffer =
                        ByteBuffer.allocateDirect(pieceSize + alignment).alignedSlice(alignment);
                return new UncachedWriter(channel, buffer, alignment);
            } catch (IOException | UnsupportedOperationException e) {
                Files.deleteIfExists(file); // tmpfs and others refuse O_DIRECT, possibly after creating it
            }
        }
        return new UncachedWriter(
                FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), null, 0);
    }

    private static int blockSize(Path directory) {
        try {
            long size = Files.getFileStore(directory).getBlockSize();
            return size > 0 && size <= 1 << 16 ? (int) size : 0;
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        }
    }

    boolean uncached() {
        return aligned != null;
    }

    /** Appends {@code length} bytes: a whole piece, or a shorter last one. */
    void write(byte[] bytes, int length) throws IOException {
        if (ended) {
            throw new IllegalStateException("only the last piece may be shorter");
        }
        if (aligned == null) {
            writeFully(ByteBuffer.wrap(bytes, 0, length));
        } else {
            int padded = (length + alignment - 1) / alignment * alignment;
            aligned.clear();
            aligned.put(bytes, 0, length);
            while (aligned.position() < padded) {
                aligned.put((byte) 0);
            }
            aligned.flip();
            writeFully(aligned);
            ended = padded != length;
        }
        written += length;
    }

    /** Cuts the last piece's padding off and forces the file to disk. */
    void finish() throws IOException {
        if (channel.size() != written) {
            channel.truncate(written);
        }
        channel.force(true);
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
