package drive.blocks.control;

import com.ceph.rados.IoCTX;
import com.ceph.rados.Rados;
import com.ceph.rados.exceptions.RadosException;
import com.ceph.rados.exceptions.RadosNotFoundException;
import drive.platform.control.DriveException;
import jakarta.enterprise.inject.Vetoed;
import java.io.IOException;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The production block store: one RADOS object per block in a Ceph pool, through rados-java (JNA
 * over Debian's {@code librados2}). One connection per application, opened on first use so that
 * Drive starts while the cluster is down; {@code writeFull} replaces an object atomically and is
 * acknowledged once the object is durable on every replica. A cluster that cannot be reached within
 * the timeouts becomes a {@link DriveException} of kind {@code UNAVAILABLE} (a 503 with Retry-After,
 * a retried job), never a hang and never a 500. Built by {@link BlockStores}, not a bean itself.
 */
@Vetoed
public class RadosBlockStore implements BlockStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RadosBlockStore.class.getName());
    /** Blocks are at most 4 MiB plus codec overhead: one read of this size fetches any of them. */
    static final int READ_BUFFER = 5 << 20;

    private static final long RECONNECT_PAUSE_NANOS = 5_000_000_000L;

    private final RadosSettings settings;
    private final Object lock = new Object();
    // Strong reference on purpose: Rados' finalizer shuts the connection down.
    private Rados rados;
    private volatile IoCTX pool;
    private long nextConnectAttempt;

    public RadosBlockStore(RadosSettings settings) {
        this.settings = settings;
    }

    /** Fails with a message naming the package when librados cannot be loaded. */
    public static String librados() {
        try {
            int[] v = Rados.getVersion();
            return v[0] + "." + v[1] + "." + v[2];
        } catch (LinkageError e) {
            throw new IllegalStateException(
                    "drive.blockstore=rados needs librados.so.2: install Debian's librados2 package "
                            + "(apt-get install librados2) or set drive.blockstore=filesystem",
                    e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            pool().stat(checked(key));
            return true;
        } catch (RadosNotFoundException e) {
            return false;
        } catch (RadosException e) {
            throw failure("stat", key, e);
        }
    }

    @Override
    public void put(String key, byte[] data, int length) throws IOException {
        try {
            pool().writeFull(checked(key), data, length);
        } catch (RadosException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public byte[] get(String key) throws IOException {
        IoCTX io = pool();
        try {
            byte[] buffer = new byte[READ_BUFFER];
            int n = io.read(checked(key), buffer.length, 0, buffer);
            if (n < buffer.length) {
                return Arrays.copyOf(buffer, n);
            }
            long size = io.stat(key).getSize();
            byte[] whole = new byte[Math.toIntExact(size)];
            int read = io.read(key, whole.length, 0, whole);
            if (read != whole.length) {
                throw new IOException("short read of block object " + key + ": " + read + " of " + size);
            }
            return whole;
        } catch (RadosNotFoundException e) {
            throw new BlockMissingException("block object " + key + " is missing from RADOS pool " + settings.pool());
        } catch (RadosException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            pool().remove(checked(key));
        } catch (RadosNotFoundException e) {
            // already gone: deleting is idempotent
        } catch (RadosException e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (pool != null) {
                rados.ioCtxDestroy(pool);
                pool = null;
            }
            if (rados != null) {
                rados.shutDown();
                rados = null;
            }
        }
    }

    private IoCTX pool() {
        IoCTX io = pool;
        return io != null ? io : connect();
    }

    private IoCTX connect() {
        synchronized (lock) {
            if (pool != null) {
                return pool;
            }
            if (System.nanoTime() - nextConnectAttempt < 0) {
                throw unavailable("connect", "the last connection attempt failed moments ago", null);
            }
            Rados candidate = new Rados(settings.client());
            try {
                settings.configure(candidate);
                candidate.connect();
                IoCTX io = candidate.ioCtxCreate(settings.pool());
                warnIfMissing(candidate, settings.coldPool());
                rados = candidate;
                pool = io;
                LOG.info(() -> "connected to Ceph as client." + settings.client() + ", pool " + settings.pool());
                return io;
            } catch (RadosException e) {
                candidate.shutDown();
                nextConnectAttempt = System.nanoTime() + RECONNECT_PAUSE_NANOS;
                String what = e instanceof RadosNotFoundException
                        ? "RADOS pool '" + settings.pool() + "' does not exist (or conf " + settings.conf()
                                + " is missing)"
                        : "cannot connect to the Ceph cluster of " + settings.conf();
                throw unavailable("connect", what, e);
            }
        }
    }

    private static void warnIfMissing(Rados rados, String coldPool) {
        try {
            rados.poolLookup(coldPool);
        } catch (RadosException e) {
            LOG.warning(() -> "RADOS cold-tier pool '" + coldPool + "' is not usable: " + e.getMessage());
        }
    }

    private static String checked(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("not a block key: " + key);
        }
        return key;
    }

    /** Cluster-side trouble is thrown as UNAVAILABLE; anything else is returned as an I/O error to throw. */
    private IOException failure(String operation, String key, RadosException e) {
        if (RadosErrors.meansUnavailable(e)) {
            throw unavailable(operation + " " + key, e.getMessage(), e);
        }
        return new IOException("RADOS " + operation + " of " + key + " failed: " + e.getMessage(), e);
    }

    private static DriveException unavailable(String operation, String detail, Throwable cause) {
        LOG.log(Level.WARNING, "Ceph block store unavailable ({0}): {1}", new Object[] {operation, detail});
        return new DriveException(
                DriveException.Kind.UNAVAILABLE, "the block store is unavailable; try again later", cause);
    }
}
