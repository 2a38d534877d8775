package drive.blocks.boundary;

import drive.blocks.control.Content;
import drive.blocks.control.JobStaging;
import drive.files.control.DrivePath;
import drive.files.control.FileInfo;
import drive.files.control.FileMetadata;
import drive.files.control.StaleRevisionException;
import drive.files.control.StoredContent;
import drive.files.control.UploadCompleted;
import drive.files.control.UploadFailed;
import drive.files.entity.FileEntry;
import drive.files.entity.FileVersion;
import drive.files.entity.OnConflict;
import drive.files.entity.UploadJob;
import drive.sync.control.FileChanged;
import drive.sync.entity.ChangeKind;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The life of an upload job, each step one transaction: {@link #begin} records the staged upload
 * (the file shows as pending) and queues its JMS message in the same transaction, so neither exists
 * without the other; {@link #complete} writes the revision and marks the job uploaded; {@link
 * #giveUp} marks it failed once the broker dead-letters its message. A job that is no longer
 * pending is left alone, which makes redelivered messages harmless. A job refers to its file by id:
 * a file moved (or deleted) while its upload is processed receives the revision where it now is.
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

    @Inject
    Event<FileChanged> changed;

    /**
     * Records a staged upload based on revision {@code requested} (null: unconditional) and queues it. A
     * base that is already stale refuses the upload here when {@code onConflict} is {@link
     * OnConflict#FAIL}; otherwise {@link #complete} decides, when the revision is written.
     */
    public void begin(Caller caller, DrivePath path, JobStaging.Staged staged, Long requested, OnConflict onConflict) {
        FileMetadata.Destination destination = metadata.destination(caller, path, requested);
        FileEntry file = destination.file();
        Long base = destination.base();
        if (base != null && base != file.getLatestRevision() && onConflict == OnConflict.FAIL) {
            throw FileMetadata.stale(file.getPath(), requested, file.getLatestRevision());
        }
        record(em, metadata, caller, file, staged, base, onConflict);
        em.flush();
        send(JobMessage.body(staged.id(), OptionalLong.of(staged.crc32c())), 0);
        changed.fire(FileChanged.upload(
                ChangeKind.PENDING,
                file.getNamespace().getId(),
                file.getPath(),
                null,
                staged.size(),
                staged.sha256(),
                caller));
    }

    /** Marks {@code file} pending and persists the staged upload's job: {@link #begin} without the message. */
    static void record(
            EntityManager em,
            FileMetadata metadata,
            Caller caller,
            FileEntry file,
            JobStaging.Staged staged,
            Long base,
            OnConflict onConflict) {
        file.pending();
        em.persist(new UploadJob(
                staged.id(),
                file,
                metadata.user(caller),
                metadata.device(caller),
                staged.size(),
                staged.sha256(),
                base,
                onConflict));
    }

    /**
     * Queues the job's message again, delivered after {@code delaySeconds}: a fresh message, so the
     * retry does not count against the broker's redeliveries. Called without a transaction (the
     * consumer, the start-up sweep), it sends in one of its own, so the message is queued when this
     * returns. The consumer acknowledges the old message only after that, so a crash in between
     * leaves two messages, never none: the second finds its job done, is put off while this instance
     * processes the first, or on another instance runs beside it until {@link #complete}, which locks
     * the job's row, lets one of them write the revision.
     */
    public void queueAgain(String id, OptionalLong crc32c, int delaySeconds) {
        send(JobMessage.body(id, crc32c), delaySeconds * 1000L);
    }

    private void send(String body, long delayMillis) {
        try (JMSContext context = connectionFactory.createContext()) {
            JMSProducer producer = context.createProducer().setProperty(KIND_PROPERTY, KIND);
            if (delayMillis > 0) {
                producer.setDeliveryDelay(delayMillis);
            }
            producer.send(context.createQueue(QUEUE), body);
        }
    }

    /** The ids of the jobs still pending, oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> pendingIds() {
        return em.createQuery("SELECT j.id FROM UploadJob j WHERE j.status = :pending ORDER BY j.created", String.class)
                .setParameter("pending", UploadJob.Status.PENDING)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<UploadJob> find(String id) {
        return Optional.ofNullable(em.find(UploadJob.class, id));
    }

    /**
     * Writes the processed content, under the SHA-256 staging computed, as the next revision of the
     * job's file, or of its conflicted copy (see {@link FileMetadata#writeTarget}); null if the job is
     * not pending or was refused as a conflict (then it is {@code CONFLICT}, with the latest
     * revision, and nothing is written). The caller has checked the content against the staged bytes.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public FileInfo complete(String id, Content content) {
        UploadJob job = em.find(UploadJob.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.getStatus() != UploadJob.Status.PENDING) {
            return null;
        }
        if (content.size() != job.getSize()) {
            throw new IllegalStateException("the staged content of upload job " + id
                    + " no longer matches what was uploaded (" + content.size() + " bytes, not " + job.getSize() + ")");
        }
        FileEntry file = job.getFile();
        FileEntry target;
        try {
            target = metadata.writeTarget(
                    file, job.getBaseRevision(), job.getOnConflict(), job.getUser(), job.getDevice());
        } catch (StaleRevisionException e) {
            job.conflicted(e.getMessage(), e.latestRevision());
            if (!othersPending(job)) {
                file.settled();
            }
            changed.fire(FileChanged.upload(
                    ChangeKind.CONFLICT,
                    job.getNamespace().getId(),
                    file.getPath(),
                    null,
                    job.getSize(),
                    job.getSha256(),
                    by(job)));
            return null;
        }
        FileVersion version = metadata.revise(
                target,
                job.getUser(),
                job.getDevice(),
                new StoredContent(content.blocks(), content.size(), job.getSha256()));
        job.uploaded(target.getPath(), version.getRevision(), version.getCreated());
        if (othersPending(job)) {
            file.pending();
        } else if (target != file) {
            file.settled();
        }
        changed.fire(FileChanged.upload(
                ChangeKind.UPLOADED,
                job.getNamespace().getId(),
                target.getPath(),
                version.getRevision(),
                job.getSize(),
                job.getSha256(),
                by(job)));
        completed.fire(new UploadCompleted(
                id,
                job.getNamespace().getId(),
                target.getPath(),
                version.getRevision(),
                job.getSize(),
                job.getSha256()));
        return new FileInfo(
                target.getPath(),
                target.getName(),
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
        failed.fire(
                new UploadFailed(id, job.getNamespace().getId(), job.getFile().getPath(), reason));
        changed.fire(FileChanged.upload(
                ChangeKind.FAILED,
                job.getNamespace().getId(),
                job.getFile().getPath(),
                null,
                job.getSize(),
                job.getSha256(),
                by(job)));
    }

    /** Who made the upload, for the change journal. */
    private static Caller by(UploadJob job) {
        return new Caller(
                job.getUser().getUsername(),
                job.getDevice() == null ? null : job.getDevice().getId());
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
