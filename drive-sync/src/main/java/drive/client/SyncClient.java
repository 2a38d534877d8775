package drive.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;

/**
 * A running sync of one folder: one worker thread does every sync round (pull the journal, then scan
 * and push local changes), woken by the long-poll thread when the server reports changes after the
 * cursor and by the scan timer; the long-poll thread holds {@code GET /api/changes/longpoll} and
 * waits for the worker to catch up before polling again. Registers the client as a device on first
 * use (the bearer token is kept in the state file) so that revisions record it.
 */
public final class SyncClient implements AutoCloseable {

    private static final long PULL_ANYWAY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Options options;
    private final DriveApi api;
    private final SyncFolder folder;
    private final RemoteChanges remote;
    private final LocalChanges local;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicBoolean remoteChanged = new AtomicBoolean(true);
    private volatile boolean running;
    private volatile boolean refused;
    private volatile String cursor;
    private volatile CompletableFuture<HttpResponse<byte[]>> poll;
    private Thread worker;
    private Thread poller;
    private long lastPull;

    /** Byte and request counts since this client started. */
    public record Stats(
            long blocksSent,
            long blockBytesSent,
            long commitBytesSent,
            long blocksReceived,
            long blockBytesReceived,
            long listings) {}

    public SyncClient(Options options) throws IOException {
        this.options = options;
        this.api = new DriveApi(new Http(options));
        Files.createDirectories(options.dir());
        SyncState state = SyncState.load(options.dir().resolve(LocalFiles.META).resolve("state.json"));
        if (state.url != null && (!state.url.equals(options.url()) || !state.user.equals(options.user()))) {
            throw new IllegalStateException(options.dir() + " is synced with " + state.user + " at " + state.url
                    + "; use another folder for " + options.user() + " at " + options.url());
        }
        this.folder = new SyncFolder(options.dir().toAbsolutePath(), state, api);
        Downloads downloads = new Downloads(folder);
        this.remote = new RemoteChanges(folder, downloads);
        this.local = new LocalChanges(folder, downloads);
        if (options.register()) {
            state.token = null;
        }
        authenticate();
    }

    private void authenticate() {
        SyncState state = folder.state;
        if (state.token == null) {
            var device = api.registerDevice(options.user(), options.password(), options.deviceName());
            state.url = options.url();
            state.user = options.user();
            state.deviceId = device.getJsonNumber("id").longValue();
            state.token = device.getString("token");
            folder.save();
            SyncFolder.LOG.info(
                    () -> "registered as device '" + options.deviceName() + "' (id " + state.deviceId + ")");
        }
        api.bearer(state.token);
    }

    /** One round: the server's changes (when there may be some), then the local ones. */
    public synchronized void syncOnce() throws IOException {
        boolean pull = remoteChanged.getAndSet(false) || System.nanoTime() - lastPull > PULL_ANYWAY_NANOS;
        try {
            if (pull) {
                lastPull = System.nanoTime();
                remote.pull();
            }
            local.push();
        } catch (ApiException e) {
            if (e.status() == 401) {
                refused();
            }
            remoteChanged.set(pull || remoteChanged.get());
            throw e;
        } finally {
            cursor = folder.state.cursor;
        }
    }

    /**
     * The server refused the device token (revoked, or the server's data replaced): stop rather than
     * register again on our own, which would undo a revocation. {@code --register} does it on purpose.
     */
    private void refused() {
        if (!refused) {
            SyncFolder.LOG.severe("the server refused this device's token (revoked?): syncing stopped;"
                    + " run with --register to register " + options.dir() + " as a new device");
        }
        refused = true;
        running = false;
        wake.release();
    }

    /** Waits until the client stops (closed, or its token refused); true when it was refused. */
    public boolean awaitStop() throws InterruptedException {
        if (worker != null) {
            worker.join();
        }
        return refused;
    }

    public synchronized void start() {
        running = true;
        worker = new Thread(this::work, "drive-sync " + options.dir().getFileName());
        poller = new Thread(this::follow, "drive-sync longpoll " + options.dir().getFileName());
        worker.setDaemon(true);
        poller.setDaemon(true);
        worker.start();
        poller.start();
    }

    private void work() {
        int failures = 0;
        while (running) {
            try {
                syncOnce();
                failures = 0;
            } catch (ApiException e) { // the server or the connection: try again, less often while it lasts
                failures++;
                if (running) {
                    SyncFolder.LOG.warning("sync round failed, trying again: " + e.getMessage());
                }
            } catch (Exception e) {
                failures++;
                if (running) {
                    SyncFolder.LOG.log(Level.WARNING, "sync round failed, trying again: " + e, e);
                }
            }
            long wait = Math.min(60_000, options.scanInterval().toMillis() << Math.min(failures, 10));
            try {
                wake.tryAcquire(wait, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Holds a long poll after the current cursor; on news, wakes the worker and waits until it pulled. */
    private void follow() {
        while (running) {
            String at = cursor;
            try {
                if (at == null) {
                    Thread.sleep(200);
                    continue;
                }
                poll = api.longpoll(at, options.pollTimeoutSeconds());
                Http.Reply reply = Http.await(poll, "GET", "longpoll");
                if (reply.status() == 401) {
                    refused();
                    return;
                }
                if (reply.status() == 200 && !Json.parse(reply.text()).getBoolean("changes")) {
                    Thread.sleep(1000 * Json.number(Json.parse(reply.text()), "backoff", 1));
                    continue;
                }
                if (reply.status() != 200 && reply.status() != 400 && reply.status() != 410) {
                    Thread.sleep(5000); // busy or unavailable (503): poll again later; scans go on meanwhile
                    continue;
                }
                remoteChanged.set(true); // changes, or an answer (410, 400) that a pull sorts out
                wake.release();
                for (int i = 0; i < 600 && running && at.equals(cursor); i++) {
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    SyncFolder.LOG.fine(() -> "long poll failed: " + e);
                    sleepQuietly();
                }
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Stats stats() {
        return new Stats(
                api.blocksSent.get(),
                api.blockBytesSent.get(),
                api.commitBytesSent.get(),
                api.blocksReceived.get(),
                api.blockBytesReceived.get(),
                api.listings.get());
    }

    /** Stops both threads (the long poll is abandoned) and waits for the worker to finish the round under way. */
    @Override
    public void close() {
        running = false;
        CompletableFuture<HttpResponse<byte[]>> p = poll;
        if (p != null) {
            p.cancel(true);
        }
        wake.release();
        if (poller != null) {
            poller.interrupt(); // it writes nothing: stopping it anywhere is harmless
        }
        // The worker is not interrupted: an interrupt closes a FileChannel in use (ClosedByInterruptException),
        // which could cut a round short before its state is saved. It ends after the round under way.
        for (Thread t : new Thread[] {poller, worker}) {
            if (t != null) {
                try {
                    t.join(TimeUnit.MINUTES.toMillis(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
