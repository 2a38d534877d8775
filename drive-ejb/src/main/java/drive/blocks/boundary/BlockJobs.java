package drive.blocks.boundary;

import drive.blocks.control.Content;
import drive.blocks.control.JobStaging;
import drive.devices.entity.Device;
import drive.files.control.DrivePath;
import drive.files.control.FileInfo;
import drive.files.control.FileMetadata;
import drive.files.control.UploadCompleted;
import drive.files.control.UploadFailed;
import drive.files.entity.FileEntry;
import drive.files.entity.FileVersion;
import drive.files.entity.UploadJob;
import drive.users.control.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The life of an upload job, each step one transaction: {@link #begin} records the staged upload
 * (the file shows as pending) and queues its JMS message in the same transaction, so neither exists
 * without the other; {@link #complete} writes the revision and marks the job uploaded; {@link
 * #giveUp} marks it failed once the broker dead-letters its message. A job that is no longer
 * pending is left alone, which makes redelivered messages harmless.
 */
@Stateless
public class BlockJobs {

    /** The queue of upload jobs; its dead letters come back through {@link DeadBlockJobConsumer}. */
    public static final String QUEUE = "drive.blocks";
    /** Message property marking Drive's upload jobs (also in the dead-letter queue). */
    public static final String KIND_PROPERTY = "drive_job";

    public static final String KIND = "upload";

    @PersistenceContext
    EntityManager em;

    @Inject
    FileMetadata metadata;

    @Resource(lookup = "jms/drive")
    ConnectionFactory connectionFactory;

    @Inject
    Event<UploadCompleted> completed;

    @Inject
    Event<UploadFailed> failed;

    public void begin(Caller caller, DrivePath path, JobStaging.Staged staged) {
        FileEntry file = metadata.fileFor(caller, path);
        file.pending();
        Device device = caller.deviceId() == null ? null : em.find(Device.class, caller.deviceId());
        em.persist(new UploadJob(staged.id(), file, metadata.user(caller), device, staged.size(), staged.sha256()));
        em.flush();
        send(staged.id(), 0);
    }

    /**
     * Queues the job's message again, delivered after {@code delaySeconds}: a fresh message, so the
     * retry does not count against the broker's redeliveries. Joins the caller's transaction (the
     * consumer's delivery), so the old message is consumed if and only if the new one is queued.
     */
    public void queueAgain(String id, int delaySeconds) {
        send(id, delaySeconds * 1000L);
    }

    private void send(String id, long delayMillis) {
        try (JMSContext context = connectionFactory.createContext()) {
            String body = Json.createObjectBuilder().add("job", id).build().toString();
            JMSProducer producer = context.createProducer().setProperty(KIND_PROPERTY, KIND);
            if (delayMillis > 0) {
                producer.setDeliveryDelay(delayMillis);
            }
            producer.send(context.createQueue(QUEUE), body);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<UploadJob> find(String id) {
        return Optional.ofNullable(em.find(UploadJob.class, id));
    }

    /** Writes the processed content as the file's next revision; null if the job is not pending. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public FileInfo complete(String id, Content content) {
        UploadJob job = em.find(UploadJob.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.getStatus() != UploadJob.Status.PENDING) {
            return null;
        }
        if (content.size() != job.getSize() || !content.sha256().equals(job.getSha256())) {
            throw new IllegalStateException("the staged content of upload job " + id
                    + " no longer matches what was uploaded (" + content.size() + " bytes, SHA-256 "
                    + content.sha256() + ")");
        }
        FileEntry file = job.getFile();
        FileVersion version = metadata.revise(file, job.getUser(), job.getDevice(), content);
        job.uploaded(version.getRevision(), version.getCreated());
        if (othersPending(job)) {
            file.pending();
        }
        completed.fire(new UploadCompleted(
                id, job.getNamespace().getId(), job.getPath(), version.getRevision(), job.getSize(), job.getSha256()));
        return new FileInfo(
                job.getPath(),
                file.getName(),
                false,
                version.getSize(),
                version.getSha256(),
                version.getRevision(),
                version.getCreated(),
                "uploaded");
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void attemptFailed(String id, String error) {
        UploadJob job = em.find(UploadJob.class, id);
        if (job != null && job.getStatus() == UploadJob.Status.PENDING) {
            job.attemptFailed(error);
        }
    }

    /** The broker gave the job's message up: the upload is failed, visibly, with the last error. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void giveUp(String id) {
        UploadJob job = em.find(UploadJob.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.getStatus() != UploadJob.Status.PENDING) {
            return;
        }
        String reason = job.getLastError() == null ? "processing was given up" : job.getLastError();
        job.failed(reason);
        if (!othersPending(job)) {
            job.getFile().failed();
        }
        failed.fire(new UploadFailed(id, job.getNamespace().getId(), job.getPath(), reason));
    }

    private boolean othersPending(UploadJob job) {
        return em.createQuery(
                                "SELECT COUNT(j) FROM UploadJob j WHERE j.file = :file AND j.status = :pending AND j.id <> :id",
                                Long.class)
                        .setParameter("file", job.getFile())
                        .setParameter("pending", UploadJob.Status.PENDING)
                        .setParameter("id", job.getId())
                        .getSingleResult()
                > 0;
    }
}
