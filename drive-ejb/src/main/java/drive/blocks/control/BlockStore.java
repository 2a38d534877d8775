package drive.blocks.control;

import java.io.IOException;

/**
 * Where block objects live: a directory on local disk by default, Ceph RADOS in production (the
 * block-server work). Keys are opaque names chosen by the caller; a {@link #put} that returns has
 * made the object durable, and writing a key twice with the same bytes is harmless (jobs are
 * retried). Implementations are thread-safe.
 */
public interface BlockStore {

    boolean exists(String key) throws IOException;

    /** Stores {@code length} bytes of {@code data} under {@code key}, durably, atomically. */
    void put(String key, byte[] data, int length) throws IOException;

    /** The whole object; {@link java.nio.file.NoSuchFileException} style {@link BlockMissingException} if absent. */
    byte[] get(String key) throws IOException;

    void delete(String key) throws IOException;
}
