package drive.files.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * One locked staging file. Appends are forced to disk before they count, so an offset acknowledged
 * to a client (and recorded in the session row) always names bytes that survive a crash.
 */
public final class StagedFile implements AutoCloseable {

    private static final int BUFFER = 256 * 1024;

    private final FileChannel channel;

    StagedFile(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * The durable length given what the database acknowledged: the smaller of the two, the file
     * truncated to it (a crash may have left bytes written but never acknowledged).
     */
    public long settle(long acknowledged) {
        try {
            long length = Math.min(acknowledged, channel.size());
            if (channel.size() > length) {
                channel.truncate(length);
                channel.force(true);
            }
            return length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staging file", e);
        }
    }

    /**
     * Writes at most {@code length} bytes of {@code in} at {@code offset} and forces them to disk.
     * A body that breaks off keeps what arrived. Returns the new length, or -1 when the body was
     * longer than {@code length} (nothing kept).
     */
    public long append(long offset, long length, InputStream in) {
        byte[] buffer = new byte[BUFFER];
        long written = 0;
        try {
            channel.truncate(offset);
            while (written < length) {
                int n;
                try {
                    n = in.read(buffer, 0, (int) Math.min(buffer.length, length - written));
                } catch (IOException clientGone) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    channel.write(chunk, offset + written + chunk.position());
                }
                written += n;
            }
            if (written == length && readsMore(in)) {
                channel.truncate(offset);
                return -1;
            }
            channel.force(true);
            return offset + written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write staging file", e);
        }
    }

    /** The staged content from its first byte (closing the stream leaves the file open). */
    public InputStream content() {
        try {
            channel.position(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staging file", e);
        }
        return new FilterInputStream(Channels.newInputStream(channel)) {
            @Override
            public void close() {}
        };
    }

    private static boolean readsMore(InputStream in) {
        try {
            return in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close staging file", e);
        }
    }
}
