package drive.blocks.control;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Overlaps the two halves of block processing: the caller reads, chunks and hashes blocks on its
 * own thread while the blocks it hands over ({@link #submit}) are compressed, encrypted and stored on
 * the executor's. Memory stays bounded: at most {@code buffers} block buffers exist, and the caller
 * waits for one to come back before it reads on. The first failure of a handed-over block is thrown
 * to the caller at its next call; {@link #close} waits until nothing handed over is still running,
 * so once an ingest has returned or failed, none of its writes is in progress.
 */
final class BlockWriter implements AutoCloseable {

    private final Executor executor;
    private final int limit;
    private final BlockingQueue<byte[]> free;
    private final List<CompletableFuture<?>> submitted = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean aborted;
    private int created;

    BlockWriter(Executor executor, int buffers) {
        this.executor = executor;
        this.limit = buffers;
        this.free = new ArrayBlockingQueue<>(buffers);
    }

    /** A buffer of {@link BlockIngest#BLOCK_SIZE} bytes to read the next block into (waits while all are busy). */
    byte[] buffer() throws IOException {
        rethrowFailure();
        byte[] buffer = free.poll();
        if (buffer == null && created < limit) {
            created++;
            return new byte[BlockIngest.BLOCK_SIZE];
        }
        if (buffer == null) {
            try {
                buffer = free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for blocks to be stored");
            }
        }
        rethrowFailure();
        return buffer;
    }

    /** Gives back a buffer the caller no longer needs. */
    void release(byte[] buffer) {
        free.add(buffer);
    }

    /**
     * Runs {@code work}, which reads {@code buffer}, on the executor (on the caller's thread if the
     * executor refuses it); the buffer is released when the work ends.
     */
    <T> Future<T> submit(byte[] buffer, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        submitted.add(result);
        Runnable task = () -> {
            try {
                if (aborted) {
                    throw new CancellationException("an earlier block failed");
                }
                result.complete(work.call());
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                result.completeExceptionally(t);
            } finally {
                release(buffer);
            }
        };
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
        return result;
    }

    /** The results of {@code futures}, in order, once all are done; the first failure is thrown. */
    static <T> List<T> results(List<? extends Future<T>> futures) throws IOException {
        List<T> results = new ArrayList<>(futures.size());
        for (Future<T> future : futures) {
            results.add(result(future));
        }
        return results;
    }

    private static <T> T result(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for blocks to be stored");
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    private void rethrowFailure() throws IOException {
        Throwable t = failure.get();
        if (t != null) {
            throw rethrown(t);
        }
    }

    private static IOException rethrown(Throwable t) {
        if (t instanceof IOException e) {
            return e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("storing a block failed", t);
    }

    /** Waits for every block handed over; after a failure, those not started yet are skipped. */
    @Override
    public void close() {
        aborted = true; // after results() all are done; after a failure, the rest are skipped
        boolean interrupted = false;
        for (CompletableFuture<?> future : submitted) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | CancellationException e) {
                    break; // reported by results() or rethrowFailure(), or the caller failed first
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
