package drive.blocks.control;

import java.io.IOException;
import java.util.Collection;

/**
 * Where block objects live: a directory on local disk by default, Ceph RADOS in production (the
 * block-server work). Keys are opaque names chosen by the caller; a {@link #put} that returns has
 * made the object's bytes durable, and its name too once {@link #syncNames} has returned for it;
 * writing a key twice with the same bytes is harmless (jobs are retried). Implementations are
 * thread-safe.
 */
public interface BlockStore {

    boolean exists(String key) throws IOException;

    /** Stores {@code length} bytes of {@code data} under {@code key}, atomically, its bytes durably. */
    void put(String key, byte[] data, int length) throws IOException;

    /**
     * Makes the names of objects {@link #put} stored durable as well, where that is a step of its own
     * (the file store forces each block directory once here instead of once per block). Call it
     * before any metadata names those objects.
     */
    default void syncNames(Collection<String> keys) throws IOException {}

    /** The whole object; {@link java.nio.file.NoSuchFileException} style {@link BlockMissingException} if absent. */
    byte[] get(String key) throws IOException;

    void delete(String key) throws IOException;
}
