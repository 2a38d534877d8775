package drive.files.boundary;

import drive.blocks.boundary.BlockJobs;
import drive.blocks.control.JobStaging;
import drive.files.control.Download;
import drive.files.control.DrivePath;
import drive.files.control.FileInfo;
import drive.files.control.FileMetadata;
import drive.files.control.Listing;
import drive.files.control.RevisionInfo;
import drive.files.control.UploadWaits;
import drive.files.entity.UploadJob;
import drive.platform.control.DriveException;
import drive.users.control.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The file API of the brief: upload, download, list, revisions. Upload follows the brief's
 * metadata-first flow: the body is staged durably (no transaction holds open while it arrives),
 * then the file is marked pending and a block job queued in one transaction; the block server
 * ({@link drive.blocks.boundary.BlockJobConsumer}) stores the blocks and writes the revision.
 * Concurrent writers to one path are serialised by the file row's optimistic lock, so no update is lost.
 */
@Stateless
public class Files {

    private static final Logger LOG = Logger.getLogger(Files.class.getName());
    private static final int COMMIT_ATTEMPTS = 5;

    @Inject
    JobStaging staging;

    @EJB
    BlockJobs jobs;

    @Inject
    @ConfigProperty(name = "drive.upload.wait-seconds", defaultValue = "120")
    long waitSeconds;

    @Inject
    FileMetadata metadata;

    @Inject
    UploadWaits waits;

    @Inject
    @ConfigProperty(name = "drive.upload.max-bytes", defaultValue = "10737418240")
    long maxUploadBytes;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public FileInfo upload(Caller caller, String rawPath, InputStream body, long declaredLength) {
        return upload(caller, rawPath, body, declaredLength, null);
    }

    /** As {@link #upload(Caller, String, InputStream, long)}, committing only if the content has {@code sha256}. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public FileInfo upload(Caller caller, String rawPath, InputStream body, long declaredLength, String sha256) {
        DrivePath path = DrivePath.parse(rawPath);
        if (path.isRoot()) {
            throw DriveException.invalid("cannot upload to '/': give a file path such as /notes.txt");
        }
        if (declaredLength > maxUploadBytes) {
            throw new DriveException(
                    DriveException.Kind.TOO_LARGE,
                    "file of " + declaredLength + " bytes is over the limit of " + maxUploadBytes + " bytes");
        }
        FileMetadata.Space space = metadata.space(caller);
        space.checkRoomFor(Math.max(declaredLength, 0));
        JobStaging.Staged staged = staging.stage(body, maxUploadBytes);
        try {
            if (sha256 != null && !sha256.equalsIgnoreCase(staged.sha256())) {
                throw new DriveException(
                        DriveException.Kind.UNPROCESSABLE,
                        "the content's SHA-256 is " + staged.sha256() + ", not the declared " + sha256
                                + "; nothing was saved");
            }
            space.checkRoomFor(staged.size());
            begin(caller, path, staged);
        } catch (RuntimeException e) {
            staging.delete(staged.id());
            throw e;
        }
        return awaitProcessing(staged.id(), path);
    }

    /** Records the staged upload and queues its job; concurrent creators of one path retry. */
    private void begin(Caller caller, DrivePath path, JobStaging.Staged staged) {
        for (int attempt = 1; ; attempt++) {
            try {
                jobs.begin(caller, path, staged);
                return;
            } catch (EJBException e) {
                if (attempt == COMMIT_ATTEMPTS) {
                    throw new DriveException(
                            DriveException.Kind.CONFLICT, "the file was changed concurrently too often; try again", e);
                }
                LOG.fine(() -> "recording the upload of " + path + " collided, retrying: " + e);
            }
        }
    }

    /**
     * Waits (up to {@code drive.upload.wait-seconds}) for the block server to finish the job, so a
     * simple upload answers with its revision; past that the answer says the file is pending.
     */
    private FileInfo awaitProcessing(String jobId, DrivePath path) {
        try {
            return awaitJob(jobId, path);
        } finally {
            waits.forget(jobId);
        }
    }

    private FileInfo awaitJob(String jobId, DrivePath path) {
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        long pause = 5;
        while (true) {
            UploadJob job =
                    jobs.find(jobId).orElseThrow(() -> new IllegalStateException("upload job " + jobId + " vanished"));
            switch (job.getStatus()) {
                case UPLOADED:
                    return new FileInfo(
                            path.value(),
                            path.name(),
                            false,
                            job.getSize(),
                            job.getSha256(),
                            job.getRevision(),
                            job.getFinished(),
                            "uploaded");
                case FAILED:
                    throw new DriveException(
                            DriveException.Kind.UNAVAILABLE, "the upload could not be stored: " + job.getLastError());
                default:
                    if (System.nanoTime() > deadline) {
                        return new FileInfo(
                                path.value(),
                                path.name(),
                                false,
                                job.getSize(),
                                job.getSha256(),
                                0,
                                job.getCreated(),
                                "pending");
                    }
            }
            try {
                waits.await(jobId, pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DriveException(DriveException.Kind.UNAVAILABLE, "interrupted while the upload was processed");
            }
            pause = Math.min(pause * 2, 200);
        }
    }

    public Listing list(Caller caller, String rawPath) {
        return metadata.list(caller, DrivePath.parse(rawPath));
    }

    public FileInfo info(Caller caller, String rawPath) {
        return FileInfo.of(metadata.existing(caller, DrivePath.parse(rawPath)));
    }

    public List<RevisionInfo> revisions(Caller caller, String rawPath, int limit) {
        if (limit < 1 || limit > 100) {
            throw DriveException.invalid("limit must be between 1 and 100");
        }
        return metadata.revisions(caller, DrivePath.parse(rawPath), limit);
    }

    /** What to stream for a download: the revision (latest if {@code revision} is null) and its blocks. */
    public Download download(Caller caller, String rawPath, Long revision) {
        return metadata.download(caller, DrivePath.parse(rawPath), revision);
    }
}
