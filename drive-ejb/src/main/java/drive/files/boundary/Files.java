package drive.files.boundary;

import drive.blocks.boundary.BlockJobs;
import drive.blocks.control.BlockIngest;
import drive.blocks.control.BlockMissingException;
import drive.blocks.control.BlockPointer;
import drive.blocks.control.BlockReader;
import drive.blocks.control.JobStaging;
import drive.blocks.entity.Block;
import drive.cache.control.MetadataCache;
import drive.devices.entity.Device;
import drive.files.control.Download;
import drive.files.control.DrivePath;
import drive.files.control.FileInfo;
import drive.files.control.FileMetadata;
import drive.files.control.Listing;
import drive.files.control.RevisionInfo;
import drive.files.control.StaleRevisionException;
import drive.files.control.StoredContent;
import drive.files.control.UploadCompleted;
import drive.files.control.UploadWaits;
import drive.files.control.WriteCondition;
import drive.files.entity.FileEntry;
import drive.files.entity.FileVersion;
import drive.files.entity.OnConflict;
import drive.files.entity.UploadJob;
import drive.platform.control.DriveException;
import drive.sharing.control.Access;
import drive.sharing.control.Mount;
import drive.sharing.control.OwnerPaths;
import drive.sharing.control.Target;
import drive.sync.control.FileChanged;
import drive.sync.entity.ChangeKind;
import drive.users.control.Caller;
import drive.users.entity.User;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The file API of the brief: upload, download, list, revisions. Upload follows the brief's
 * metadata-first flow: the body is staged durably (no transaction holds open while it arrives),
 * then the file is marked pending and a block job queued in one transaction; the block server
 * ({@link drive.blocks.boundary.BlockJobConsumer}) stores the blocks and writes the revision.
 * Concurrent writers to one path are serialised by the file row's optimistic lock, so no update is lost.
 */
@Stateless
@Interceptors(OwnerPaths.class)
public class Files {

    private static final Logger LOG = Logger.getLogger(Files.class.getName());
    private static final int COMMIT_ATTEMPTS = 5;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

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
    BlockReader blocks;

    @Inject
    Event<UploadCompleted> completed;

    @Inject
    Event<FileChanged> changed;

    @Resource
    SessionContext context;

    @Inject
    UploadWaits waits;

    @Inject
    MetadataCache cache;

    @Inject
    Access access;

    @Inject
    @ConfigProperty(name = "drive.upload.max-bytes", defaultValue = "10737418240")
    long maxUploadBytes;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public FileInfo upload(Caller caller, String rawPath, InputStream body, long declaredLength) {
        return upload(caller, rawPath, body, declaredLength, null, WriteCondition.NONE);
    }

    /**
     * As {@link #upload(Caller, String, InputStream, long)}, committing only if the content has
     * {@code sha256} (when given) and as {@code condition} says when another change was committed
     * since the revision the upload was based on.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public FileInfo upload(
            Caller caller,
            String rawPath,
            InputStream body,
            long declaredLength,
            String sha256,
            WriteCondition condition) {
        DrivePath asked = DrivePath.parse(rawPath);
        if (asked.isRoot()) {
            throw DriveException.invalid("cannot upload to '/': give a file path such as /notes.txt");
        }
        Target target = access.resolve(caller, asked, Access.Need.WRITE);
        Caller as = target.caller();
        DrivePath path = target.path();
        if (declaredLength > maxUploadBytes) {
            throw new DriveException(
                    DriveException.Kind.TOO_LARGE,
                    "file of " + declaredLength + " bytes is over the limit of " + maxUploadBytes + " bytes");
        }
        FileMetadata.Space space = metadata.space(as);
        space.checkRoomFor(Math.max(declaredLength, 0));
        Long base = metadata.resolveBase(as, path, condition); // a stale base costs no upload
        JobStaging.Staged staged = staging.stage(body, maxUploadBytes);
        try {
            if (sha256 != null && !sha256.equalsIgnoreCase(staged.sha256())) {
                throw new DriveException(
                        DriveException.Kind.UNPROCESSABLE,
                        "the content's SHA-256 is " + staged.sha256() + ", not the declared " + sha256
                                + "; nothing was saved");
            }
            space.checkRoomFor(staged.size());
            begin(as, path, staged, base, condition.onConflict());
        } catch (RuntimeException e) {
            staging.delete(staged.id());
            throw e;
        }
        return target.outward(awaitProcessing(staged.id(), path, space.namespaceId()));
    }

    /** Records the staged upload and queues its job; concurrent creators of one path retry. */
    private void begin(Caller caller, DrivePath path, JobStaging.Staged staged, Long base, OnConflict onConflict) {
        for (int attempt = 1; ; attempt++) {
            try {
                jobs.begin(caller, path, staged, base, onConflict);
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
     *
     * <p>The job is committed by a block consumer's transaction, on this instance or another, and
     * this request sees it ended as soon as that commit is in the database — possibly before the
     * consumer's post-commit cache invalidation has run. So before answering, this request replaces
     * the namespace's epoch itself (on every instance, waiting for them): every read that starts after
     * the answer then loads after the commit, as {@link MetadataCache} requires of a write's answer.
     */
    private FileInfo awaitProcessing(String jobId, DrivePath path, long namespaceId) {
        try {
            FileInfo info = awaitJob(jobId, path);
            if (!"pending".equals(info.status())) {
                cache.invalidateCommitted(namespaceId);
            }
            return info;
        } catch (DriveException ended) { // failed or conflict: the job's end changed the namespace too
            cache.invalidateCommitted(namespaceId);
            throw ended;
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
                    DrivePath stored = DrivePath.parse(job.getStoredPath());
                    return new FileInfo(
                            stored.value(),
                            stored.name(),
                            false,
                            job.getSize(),
                            job.getSha256(),
                            job.getRevision(),
                            job.getFinished(),
                            "uploaded");
                case FAILED:
                    throw new DriveException(
                            DriveException.Kind.UNAVAILABLE, "the upload could not be stored: " + job.getLastError());
                case CONFLICT:
                    throw new StaleRevisionException(job.getLastError(), job.getRevision());
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

    /** A folder's entries; the caller's root also lists the shares they added to their drive, at {@code /<name>}. */
    public Listing list(Caller caller, String rawPath) {
        Target target = access.resolve(caller, DrivePath.parse(rawPath), Access.Need.READ);
        Listing listing = target.outward(metadata.list(target.caller(), target.path()));
        if (!target.shared() && target.path().isRoot()) {
            List<FileInfo> entries = new ArrayList<>(listing.entries());
            for (Mount mount : access.mounts(caller)) {
                entries.add(info(caller, mount.path()));
            }
            entries.sort((a, b) ->
                    a.folder() != b.folder() ? (a.folder() ? -1 : 1) : a.name().compareTo(b.name()));
            return new Listing(listing.path(), entries);
        }
        return listing;
    }

    /** Bytes the caller's files take against the quota (deleted ones too, as long as they are kept). */
    public long usedBytes(Caller caller) {
        return metadata.space(caller.own()).used();
    }

    public FileInfo info(Caller caller, String rawPath) {
        Target target = access.resolve(caller, DrivePath.parse(rawPath), Access.Need.READ);
        return target.outward(metadata.info(target.caller(), target.path()));
    }

    public List<RevisionInfo> revisions(Caller caller, String rawPath, int limit) {
        if (limit < 1 || limit > 100) {
            throw DriveException.invalid("limit must be between 1 and 100");
        }
        Target target = access.resolve(caller, DrivePath.parse(rawPath), Access.Need.READ);
        return metadata.revisions(target.caller(), target.path(), limit);
    }

    /** What to stream for a download: the revision (latest if {@code revision} is null) and its blocks. */
    public Download download(Caller caller, String rawPath, Long revision) {
        Target target = access.resolve(caller, DrivePath.parse(rawPath), Access.Need.READ);
        return metadata.download(target.caller(), target.path(), revision);
    }

    /** A delta commit: the file as a list of blocks (SHA-256 of each, in order), as the client cut it. */
    public record BlockCommit(String path, long size, List<String> blocks, String sha256, WriteCondition condition) {}

    /** The new revision, or (file null) the blocks the namespace does not hold: send them, then commit again. */
    public record CommitResult(FileInfo file, List<String> missing) {}

    /**
     * Commits a file as a block list (the brief's "only changed blocks"): blocks the namespace holds
     * are reused, so an edit of a large file sends only the blocks that changed. The whole-file
     * SHA-256 is computed here by reading the blocks back, which also proves each is stored and
     * readable; then the revision is written in one short transaction, under the write condition.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CommitResult commit(Caller asked, BlockCommit request) {
        DrivePath requested = DrivePath.parse(request.path());
        if (requested.isRoot()) {
            throw DriveException.invalid("cannot commit to '/': give a file path such as /notes.txt");
        }
        Target target = access.resolve(asked, requested, Access.Need.WRITE);
        Caller caller = target.caller();
        DrivePath path = target.path();
        if (request.size() < 0 || request.size() > maxUploadBytes) {
            throw new DriveException(
                    request.size() < 0 ? DriveException.Kind.INVALID : DriveException.Kind.TOO_LARGE,
                    "size must be between 0 and " + maxUploadBytes + " bytes, not " + request.size());
        }
        for (String hash : request.blocks()) {
            if (hash == null || !SHA256.matcher(hash).matches()) {
                throw DriveException.invalid("blocks must be SHA-256 hashes (64 lowercase hexadecimal digits)");
            }
        }
        FileMetadata.Space space = metadata.space(caller);
        space.checkRoomFor(request.size());
        Long base = metadata.resolveBase(caller, path, request.condition());
        Map<String, Block> held = metadata.heldBlocks(space.namespaceId(), request.blocks());
        List<String> missing = request.blocks().stream()
                .filter(hash -> !held.containsKey(hash))
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            return new CommitResult(null, missing);
        }
        List<BlockPointer> pointers = request.blocks().stream()
                .map(hash -> FileMetadata.pointer(held.get(hash)))
                .toList();
        long total = pointers.stream().mapToLong(BlockPointer::size).sum();
        if (total != request.size()) {
            throw DriveException.invalid("the blocks add up to " + total + " bytes, but size says " + request.size()
                    + "; nothing was saved");
        }
        String sha256 = wholeFileHash(space.namespaceId(), pointers);
        if (sha256 == null) { // an object went missing: the client sends those blocks again
            return new CommitResult(null, unreadable(space.namespaceId(), pointers));
        }
        if (request.sha256() != null && !request.sha256().equalsIgnoreCase(sha256)) {
            throw new DriveException(
                    DriveException.Kind.UNPROCESSABLE,
                    "the blocks make content with SHA-256 " + sha256 + ", not the declared " + request.sha256()
                            + "; nothing was saved");
        }
        StoredContent content = new StoredContent(pointers, total, sha256);
        for (int attempt = 1; ; attempt++) {
            try {
                return new CommitResult(
                        target.outward(self().write(
                                        caller,
                                        path,
                                        content,
                                        base,
                                        request.condition().onConflict())),
                        List.of());
            } catch (EJBException e) {
                if (attempt == COMMIT_ATTEMPTS) {
                    throw new DriveException(
                            DriveException.Kind.CONFLICT, "the file was changed concurrently too often; try again", e);
                }
                LOG.fine(() -> "committing " + path + " collided, retrying: " + e);
            }
        }
    }

    /** The content's SHA-256, reading every block (decrypted and verified); null if one cannot be read. */
    private String wholeFileHash(long namespaceId, List<BlockPointer> pointers) {
        MessageDigest sha = BlockIngest.sha256();
        try (OutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            for (BlockPointer p : pointers) {
                blocks.write(namespaceId, List.of(p), 0, p.size() - 1L, digest);
            }
        } catch (BlockMissingException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private List<String> unreadable(long namespaceId, List<BlockPointer> pointers) {
        List<String> result = new ArrayList<>();
        for (BlockPointer p : new LinkedHashSet<>(pointers)) {
            try {
                blocks.write(namespaceId, List.of(p), 0, p.size() - 1L, OutputStream.nullOutputStream());
            } catch (BlockMissingException e) {
                result.add(p.sha256());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }

    /**
     * Restores revision {@code revision} of a file: a new revision with that content (its block list
     * is reused, no bytes are copied). History is never rewritten.
     */
    public FileInfo restore(Caller asked, String rawPath, long revision, WriteCondition condition) {
        Target target = access.resolve(asked, DrivePath.parse(rawPath), Access.Need.WRITE);
        Caller caller = target.caller();
        DrivePath path = target.path();
        FileVersion old = metadata.version(caller, path, revision);
        Long base = metadata.resolveBase(caller, path, condition);
        StoredContent content = new StoredContent(metadata.pointers(old), old.getSize(), old.getSha256());
        return target.outward(write(caller, path, content, base, condition.onConflict(), ChangeKind.RESTORED));
    }

    /**
     * Writes stored content as a new revision of {@code path} (or its conflicted copy), in one
     * transaction. {@code caller} and {@code path} are already resolved by {@link Access}.
     */
    public FileInfo write(Caller caller, DrivePath path, StoredContent content, Long base, OnConflict onConflict) {
        return write(caller, path, content, base, onConflict, null);
    }

    /** As {@link #write(Caller, DrivePath, StoredContent, Long, OnConflict)}, journaled as {@code kind} (null: added or modified). */
    private FileInfo write(
            Caller caller, DrivePath path, StoredContent content, Long base, OnConflict onConflict, ChangeKind kind) {
        FileMetadata.Destination destination = metadata.destination(caller, path, base);
        FileEntry file = destination.file();
        User user = metadata.user(caller);
        Device device = metadata.device(caller);
        FileEntry target = metadata.writeTarget(file, destination.base(), onConflict, user, device);
        FileVersion version = metadata.revise(target, user, device, content);
        if (metadata.uploadsPending(target)) {
            target.pending(); // an upload still in processing will add its revision after this one
        }
        completed.fire(new UploadCompleted(
                null,
                file.getNamespace().getId(),
                target.getPath(),
                version.getRevision(),
                content.size(),
                content.sha256()));
        ChangeKind journaled =
                kind != null ? kind : version.getRevision() == 1 ? ChangeKind.ADDED : ChangeKind.MODIFIED;
        changed.fire(FileChanged.of(journaled, target, caller));
        return FileInfo.of(target);
    }

    private Files self() {
        return context.getBusinessObject(Files.class);
    }
}
