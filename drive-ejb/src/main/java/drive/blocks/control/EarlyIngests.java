package drive.blocks.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Processes an upload's blocks while its body is still arriving, instead of after it was staged.
 * The request tees what it stages into a {@link BytePipe}; a thread of this bean runs {@link
 * BlockIngest} on the other end, so blocks are chunked, hashed, encoded and stored side by side with
 * the receipt. When the job's message comes to this instance, its consumer {@link #take takes} that
 * result and only commits it, rather than reading the staged copy again.
 *
 * <p>Nothing depends on it: the staged file is written and forced as before, and the job's message
 * is queued as before. Whenever the early ingest is not there — another instance took the message, a
 * restart came in between, it failed, it gave up on a stalled side, or all {@value #AT_ONCE} slots
 * were busy — the consumer processes the staged file as it always did. Blocks an early ingest stored
 * for an upload that then failed are unreferenced, like those of a crashed attempt.
 */
@ApplicationScoped
public class EarlyIngests {

    /** Early ingests running at once on an instance; further uploads are processed after staging. */
    static final int AT_ONCE = 2;

    /** Bodies declared smaller than this are not worth a second thread. */
    static final long MIN_BYTES = 8L << 20;

    /** The pipe between request and ingest: 8 segments of 1 MiB (staging's reads) per upload. */
    static final int SEGMENT = 1 << 20;

    static final int SEGMENTS = 8;

    /** A result nobody took (the message went to another instance) is dropped after this. */
    static final Duration KEPT = Duration.ofMinutes(10);

    /** Longest a consumer waits for an early ingest to finish before it processes the staged file itself. */
    static final Duration TAKE_WAIT = Duration.ofMinutes(30);

    private static final Logger LOG = Logger.getLogger(EarlyIngests.class.getName());

    @EJB
    IngestInvocation ingest;

    @Resource
    ManagedThreadFactory threads;

    private final Semaphore slots = new Semaphore(AT_ONCE);
    private final Map<String, Result> results = new ConcurrentHashMap<>();
    private final AtomicLong used = new AtomicLong();
    private ExecutorService pool;

    private record Result(long namespaceId, CompletableFuture<Content> content, long since) {}

    @PostConstruct
    void start() {
        pool = Executors.newFixedThreadPool(AT_ONCE, threads);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /**
     * Starts ingesting an upload of {@code declaredLength} bytes into {@code namespaceId} from what the
     * returned handle's {@link Early#tee tee} passes on; empty when the upload is small, of unknown
     * length (-1), or no slot is free. Only a declared length, which the caller has checked against the
     * quota, bounds what an upload that is then refused can leave in the store.
     */
    public Optional<Early> start(long namespaceId, long declaredLength) {
        if (declaredLength < MIN_BYTES || !slots.tryAcquire()) {
            return Optional.empty();
        }
        BytePipe pipe = new BytePipe(SEGMENT, SEGMENTS);
        CompletableFuture<Content> content = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try (InputStream in = pipe.input()) {
                    content.complete(ingest.ingest(namespaceId, in));
                } catch (IOException | RuntimeException e) {
                    pipe.abandon();
                    content.completeExceptionally(e);
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            return Optional.empty();
        }
        return Optional.of(new Early(namespaceId, pipe, content));
    }

    /**
     * The blocks ingested early for job {@code jobId}, once that ingest has finished: present only if it
     * succeeded, for {@code namespaceId}, over bytes whose CRC32C is {@code crc32c} (the staged file's).
     */
    public Optional<Content> take(String jobId, long namespaceId, OptionalLong crc32c) {
        Result result = results.remove(jobId);
        if (result == null || result.namespaceId() != namespaceId || crc32c.isEmpty()) {
            return Optional.empty();
        }
        try {
            Content content = result.content().get(TAKE_WAIT.toSeconds(), TimeUnit.SECONDS);
            if (content.crc32c() != crc32c.getAsLong()) {
                LOG.warning(() -> "upload job " + jobId + ": the early ingest read other bytes than were staged;"
                        + " processing the staged file instead");
                return Optional.empty();
            }
            used.incrementAndGet();
            return Optional.of(content);
        } catch (ExecutionException | TimeoutException e) {
            LOG.fine(() -> "upload job " + jobId + ": no early ingest (" + e + "); processing the staged file");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** How many jobs were completed from an early ingest since the start. */
    public long used() {
        return used.get();
    }

    /** Whether no early ingest is running. */
    public boolean idle() {
        return slots.availablePermits() == AT_ONCE;
    }

    /** Forgets job {@code jobId}'s early ingest (its upload was refused after staging). */
    public void discard(String jobId) {
        results.remove(jobId);
    }

    /** One upload's early ingest, fed by the request thread. */
    public final class Early {

        private final long namespaceId;
        private final BytePipe pipe;
        private final CompletableFuture<Content> content;

        private Early(long namespaceId, BytePipe pipe, CompletableFuture<Content> content) {
            this.namespaceId = namespaceId;
            this.pipe = pipe;
            this.content = content;
        }

        /** {@code body}, passing on every byte read to the early ingest (which never makes a read fail). */
        public InputStream tee(InputStream body) {
            return new FilterInputStream(body) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        pipe.write(new byte[] {(byte) b}, 0, 1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    int n = super.read(bytes, offset, length);
                    if (n > 0) {
                        pipe.write(bytes, offset, n);
                    }
                    return n;
                }
            };
        }

        /** The body was staged as job {@code jobId}: ends the stream and keeps the result for its consumer. */
        public void staged(String jobId) {
            pipe.close();
            long now = System.nanoTime();
            results.values().removeIf(r -> now - r.since() > KEPT.toNanos());
            results.put(jobId, new Result(namespaceId, content, now));
        }

        /** The body was not staged: the early ingest ends without a result. */
        public void abandon() {
            pipe.abandon();
        }
    }
}
