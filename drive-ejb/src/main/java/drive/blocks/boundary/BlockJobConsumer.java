package drive.blocks.boundary;

import drive.blocks.control.BlockIngest;
import drive.blocks.control.Content;
import drive.blocks.control.JobStaging;
import drive.blocks.control.RunningJobs;
import drive.files.entity.UploadJob;
import drive.platform.control.DriveException;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes upload jobs: splits the staged bytes into blocks, compresses, encrypts and stores
 * them, then writes the revision. Idempotent: a job no longer pending is skipped, and blocks a
 * crashed attempt already stored are stored again under the same names. On failure it records the
 * error and rethrows, so the broker redelivers (with back-off) and finally dead-letters the job;
 * except when the block store is unavailable: then the job is queued again, delayed, before this
 * message is acknowledged, as often as it takes (an outage is waited out, never turned into a failed
 * upload; a crash in between leaves two messages, which is harmless).
 * A second message for a job this instance is already processing is put off, queued again delayed.
 *
 * <p>No transaction spans the delivery ({@code NOT_SUPPORTED}): the resource adapter then consumes
 * through a plain session and acknowledges the message once {@link #onMessage} returns, and rolls the
 * session back (a redelivery) when it throws. The database writes commit in short transactions of
 * their own ({@link BlockJobs#complete}, {@link BlockJobs#attemptFailed}), as does a message queued
 * again ({@link BlockJobs#queueAgain}); each is idempotent against a second delivery. An XA delivery
 * holds the job's message in a transaction branch at the broker for as long as the job runs, and a
 * broker keeps a branch whose session was closed cleanly (an instance stopping) until its transaction
 * timeout (5 minutes); an unacknowledged message of a plain session goes back to the queue, for
 * another instance, as soon as the session is closed or its connection drops (a hung instance: once
 * the broker's connection TTL, 60 s by default, runs out).
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = BlockJobs.QUEUE),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BlockJobConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(BlockJobConsumer.class.getName());
    /** Pause before a job that met a block store outage is tried again; the 503s say Retry-After 10 too. */
    static final int OUTAGE_RETRY_SECONDS = 10;
    /** Pause before a second message of a job this instance is processing is looked at again. */
    static final int BUSY_RETRY_SECONDS = 30;

    @EJB
    BlockJobs jobs;

    @Inject
    BlockIngest ingest;

    @Inject
    JobStaging staging;

    @Inject
    RunningJobs running;

    @Override
    public void onMessage(Message message) {
        JobMessage job = JobMessage.read(message);
        String id = job.jobId();
        if (!running.claim(id)) {
            jobs.queueAgain(id, job.crc32c(), BUSY_RETRY_SECONDS);
            return;
        }
        try {
            process(job);
        } catch (IOException | RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            if (storeUnavailable(e)) {
                LOG.warning(() -> "upload job " + id + " failed: the block store is unavailable; queued again in "
                        + OUTAGE_RETRY_SECONDS + " s");
                jobs.attemptFailed(id, reasonForUsers(e, errorId));
                jobs.queueAgain(id, job.crc32c(), OUTAGE_RETRY_SECONDS);
                return;
            }
            LOG.log(
                    Level.WARNING,
                    "upload job " + id + " failed (error id " + errorId + "); the broker will retry it",
                    e);
            jobs.attemptFailed(id, reasonForUsers(e, errorId));
            throw new EJBException("upload job " + id + " failed", e);
        } finally {
            running.release(id);
        }
    }

    /**
     * A block store outage is no fault of the job: retrying it is all that can be done, for as long as
     * the outage lasts, so it must not use up the broker's redeliveries and end dead-lettered (failed).
     */
    static boolean storeUnavailable(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) { // EJB calls wrap them
            if (cause instanceof DriveException d) {
                return d.kind() == DriveException.Kind.UNAVAILABLE;
            }
        }
        return false;
    }

    /**
     * What the user may see of a failure: Drive's own messages as they are; anything else (whose
     * message may name server paths or internals) only by kind and the id of the logged details.
     */
    static String reasonForUsers(Exception e, String errorId) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) { // EJB calls wrap them
            if (cause instanceof DriveException || cause instanceof IllegalStateException) {
                return cause.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "storing the blocks failed (" + root.getClass().getSimpleName() + ", error id " + errorId + ")";
    }

    private void process(JobMessage message) throws IOException {
        String id = message.jobId();
        Optional<UploadJob> job = jobs.find(id).filter(j -> j.getStatus() == UploadJob.Status.PENDING);
        if (job.isEmpty()) {
            staging.delete(id);
            return;
        }
        if (message.crc32c().isEmpty()) {
            checkSha256(id, job.get()); // queued before messages carried a checksum
        }
        Content content;
        try (InputStream in = staging.open(id)) {
            content = ingest.ingest(job.get().getNamespace().getId(), in, Long.MAX_VALUE);
        }
        if (message.crc32c().isPresent() && message.crc32c().getAsLong() != content.crc32c()) {
            throw changed(
                    id,
                    "CRC32C " + Long.toHexString(content.crc32c()) + ", not "
                            + Long.toHexString(message.crc32c().getAsLong()));
        }
        jobs.complete(id, content);
        staging.delete(id);
    }

    /** The staged bytes must still be those uploaded: a SHA-256 pass, for jobs queued without a CRC32C. */
    private void checkSha256(String id, UploadJob job) throws IOException {
        MessageDigest sha = BlockIngest.sha256();
        try (InputStream in = new DigestInputStream(staging.open(id), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(job.getSha256())) {
            throw changed(id, "SHA-256 " + actual);
        }
    }

    private static IllegalStateException changed(String id, String found) {
        return new IllegalStateException(
                "the staged content of upload job " + id + " no longer matches what was uploaded (" + found + ")");
    }
}
