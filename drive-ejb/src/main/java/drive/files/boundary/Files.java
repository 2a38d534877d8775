package drive.files.boundary;

import drive.blocks.control.BlockIngest;
import drive.blocks.control.Content;
import drive.files.control.Download;
import drive.files.control.DrivePath;
import drive.files.control.FileInfo;
import drive.files.control.FileMetadata;
import drive.files.control.Listing;
import drive.files.control.RevisionInfo;
import drive.platform.control.DriveException;
import drive.users.control.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The file API of the brief: upload, download, list, revisions. Upload stores the content's blocks
 * first, outside any transaction (a 10 GB body must not hold one open), then records the new
 * revision in one short transaction; concurrent writers to one path are serialised by the file
 * row's optimistic lock and retried, so no update is lost.
 */
@Stateless
public class Files {

    private static final Logger LOG = Logger.getLogger(Files.class.getName());
    private static final int COMMIT_ATTEMPTS = 5;

    @Inject
    BlockIngest ingest;

    @Inject
    FileMetadata metadata;

    @Resource
    SessionContext context;

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
        Content content = ingest.ingest(space.namespaceId(), body, maxUploadBytes);
        if (sha256 != null && !sha256.equalsIgnoreCase(content.sha256())) {
            throw new DriveException(
                    DriveException.Kind.UNPROCESSABLE,
                    "the content's SHA-256 is " + content.sha256() + ", not the declared " + sha256
                            + "; nothing was saved");
        }
        space.checkRoomFor(content.size());
        Files self = context.getBusinessObject(Files.class);
        for (int attempt = 1; ; attempt++) {
            try {
                return self.commit(caller, path, content);
            } catch (EJBException e) {
                if (attempt == COMMIT_ATTEMPTS) {
                    throw new DriveException(
                            DriveException.Kind.CONFLICT, "the file was changed concurrently too often; try again", e);
                }
                LOG.fine(() -> "commit of " + path + " collided, retrying: " + e);
            }
        }
    }

    /** Records stored content as the next revision of {@code path}, creating missing parent folders. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public FileInfo commit(Caller caller, DrivePath path, Content content) {
        return metadata.commit(caller, path, content);
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
