package drive.blocks.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands a byte stream from one thread to another through at most {@code segments} buffers of
 * {@code segmentSize} bytes, which are reused. The writer never fails: once the pipe is {@link
 * #abandon abandoned} (by either side, or because the other side stalled) its writes are dropped,
 * and the reader's next read throws. Made for {@link EarlyIngests}, where the writer is an upload
 * being staged, which must go on whatever becomes of the reader.
 */
final class BytePipe {

    /** How long either side waits for the other before giving the pipe up. */
    static final long STALL_SECONDS = 120;

    private record Segment(byte[] bytes, int length) {}

    private static final Segment END = new Segment(new byte[0], 0);
    private static final Segment ABANDONED = new Segment(new byte[0], 0);
    /** Wakes a writer waiting for a free buffer when the pipe is given up. */
    private static final byte[] WAKE = new byte[0];

    private final BlockingQueue<Segment> filled;
    private final BlockingQueue<byte[]> free;
    private final int segmentSize;
    private final int segments;
    private int created; // writer's thread only
    private volatile boolean abandoned;

    BytePipe(int segmentSize, int segments) {
        this.segmentSize = segmentSize;
        this.segments = segments;
        this.filled = new ArrayBlockingQueue<>(segments + 1); // + END or ABANDONED
        this.free = new ArrayBlockingQueue<>(segments);
    }

    /** Copies {@code length} bytes into the pipe, waiting while the reader is behind. */
    void write(byte[] bytes, int offset, int length) {
        while (length > 0 && !abandoned) {
            byte[] buffer = freeBuffer();
            if (buffer == null) {
                return;
            }
            int n = Math.min(length, buffer.length);
            System.arraycopy(bytes, offset, buffer, 0, n);
            if (!hand(new Segment(buffer, n))) {
                return;
            }
            offset += n;
            length -= n;
        }
    }

    /** The end of the stream: the reader's next read past the written bytes returns -1. */
    void close() {
        if (!abandoned) {
            hand(END);
        }
    }

    /** Gives the pipe up: later writes are dropped, and the reader's next read throws. */
    void abandon() {
        abandoned = true;
        filled.clear(); // makes room for the marker, and wakes a writer waiting for room
        filled.offer(ABANDONED);
        free.offer(WAKE);
    }

    boolean abandoned() {
        return abandoned;
    }

    private byte[] freeBuffer() {
        byte[] buffer = free.poll();
        if (buffer != null) {
            return abandoned ? null : buffer;
        }
        if (created < segments) {
            created++;
            return new byte[segmentSize];
        }
        try {
            buffer = free.poll(STALL_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (buffer == null) {
            abandon(); // the reader stalled: the writer goes on alone
        }
        return abandoned ? null : buffer;
    }

    private boolean hand(Segment segment) {
        try {
            if (filled.offer(segment, STALL_SECONDS, TimeUnit.SECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        abandon();
        return false;
    }

    /** The reading end; one reader only. */
    InputStream input() {
        return new InputStream() {
            private Segment current;
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (current == null || position == current.length()) {
                    if (current == END) {
                        return -1;
                    }
                    if (current != null) {
                        free.offer(current.bytes());
                    }
                    current = next();
                    position = 0;
                    if (current == END) {
                        return -1;
                    }
                }
                int n = Math.min(length, current.length() - position);
                System.arraycopy(current.bytes(), position, bytes, offset, n);
                position += n;
                return n;
            }

            private Segment next() throws IOException {
                Segment next;
                try {
                    next = filled.poll(STALL_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    abandon();
                    throw new InterruptedIOException("interrupted while waiting for the upload's bytes");
                }
                if (next == null || next == ABANDONED || abandoned) {
                    abandon();
                    throw new IOException(
                            next == null
                                    ? "no bytes of the upload for " + STALL_SECONDS + " s"
                                    : "the upload's stream was given up");
                }
                return next;
            }
        };
    }
}
