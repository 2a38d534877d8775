package drive.files.boundary;

import drive.files.control.DrivePath;
import drive.files.control.FileInfo;
import drive.files.control.FileMetadata;
import drive.files.control.StagedFile;
import drive.files.control.StagingArea;
import drive.files.control.StaleRevisionException;
import drive.files.control.UploadProgress;
import drive.files.control.UploadProgress.Outcome;
import drive.files.control.WriteCondition;
import drive.files.entity.UploadSession;
import drive.platform.control.DriveException;
import drive.sharing.control.Access;
import drive.sharing.control.OwnerPaths;
import drive.sharing.control.Target;
import drive.users.control.Caller;
import drive.users.entity.User;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resumable uploads (Google Drive's {@code uploadType=resumable}): a session is opened with the
 * file's path and size, receives the bytes in chunks that may come over many requests (and across
 * restarts), and commits them through {@link Files#upload} once the last byte arrived. Receiving
 * runs outside any transaction; each acknowledged offset is recorded in its own short one, after
 * the bytes are on disk. A session based on a revision ({@code baseRevision} or {@code If-Match}) is
 * refused at once when that base is stale already (unless the client chose {@code onConflict}), and
 * checked again when its bytes are committed.
 */
@Stateless
@Interceptors(OwnerPaths.class)
public class UploadSessions {

    /** Google's chunk granularity: every chunk but the last is a multiple of it. */
    public static final int CHUNK_GRANULARITY = 256 * 1024;
    /** How long a status query waits for another request writing to the session (see {@link #receive}). */
    static final Duration STATUS_PATIENCE = Duration.ofSeconds(30);
    /**
     * How long a chunk waits for another request holding the session: a status query holds it for
     * milliseconds (unless it finds every byte received and commits them itself); a writer still busy
     * after this is answered 409.
     */
    static final Duration CHUNK_PATIENCE = Duration.ofSeconds(5);

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    FileMetadata metadata;

    @Inject
    StagingArea staging;

    @EJB
    Files files;

    @Inject
    Access access;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "drive.upload.max-bytes", defaultValue = "10737418240")
    long maxUploadBytes;

    @Inject
    @ConfigProperty(name = "drive.upload.session-ttl", defaultValue = "P7D")
    String sessionTtl;

    /** What a client declares when it opens a session. */
    public record Declared(String path, WriteCondition condition, String sha256, String contentType, long size) {}

    /** Opens a session after checking path, size and quota; returns it (its id is the secret of its URI). */
    public UploadSession start(Caller caller, Declared declared) {
        sweep();
        DrivePath path = DrivePath.parse(declared.path());
        if (path.isRoot()) {
            throw DriveException.invalid("cannot upload to '/': give a file path such as /notes.txt");
        }
        if (declared.sha256() != null && !SHA256.matcher(declared.sha256()).matches()) {
            throw DriveException.invalid("sha256 must be 64 hexadecimal digits");
        }
        if (declared.size() > maxUploadBytes) {
            throw new DriveException(
                    DriveException.Kind.TOO_LARGE,
                    "file of " + declared.size() + " bytes is over the limit of " + maxUploadBytes + " bytes");
        }
        Target target = access.resolve(caller, path, Access.Need.WRITE); // checked again when the last byte commits
        metadata.space(target.caller()).checkRoomFor(declared.size());
        Long base = metadata.resolveBase(target.caller(), target.path(), declared.condition());
        User user = em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", caller.username())
                .getSingleResult();
        UploadSession session = new UploadSession(
                newId(),
                user,
                path.value(),
                base,
                declared.condition().onConflict(),
                declared.sha256() == null ? null : declared.sha256().toLowerCase(),
                declared.contentType(),
                declared.size(),
                Instant.now().plus(Duration.parse(sessionTtl)));
        em.persist(session);
        return session;
    }

    /**
     * Stores one chunk: bytes {@code first..last} of {@code total} ({@code total} &lt; 0: as declared),
     * or with {@code first} &lt; 0 only reports progress (a status query).
     *
     * <p>A status query that finds another request writing to the session waits for it (up to {@link
     * #STATUS_PATIENCE}) rather than being refused: a page reloaded while its last chunk was being
     * committed asks next, and must learn of that commit (200 with the file), not see a conflict or
     * commit the same bytes again. If the writer takes longer, the query answers the durable bytes;
     * every byte received means the commit is still running, so ask again. A chunk likewise waits for
     * another request, but only {@link #CHUNK_PATIENCE}: long enough for a status query (a client
     * polling its progress while it sends must not make its own chunk fail), not for another writer,
     * which answers 409 past it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public UploadProgress receive(Caller caller, String id, long first, long last, long total, InputStream body) {
        UploadSession session = owned(caller, id);
        if (session.getState() == UploadSession.State.DONE) {
            return alreadyCompleted(caller, session);
        }
        long size = session.getTotalBytes();
        boolean query = first < 0;
        if ((total >= 0 && total != size) || (!query && last >= size)) {
            return UploadProgress.of(Outcome.WRONG_TOTAL, session.getReceivedBytes(), size);
        }
        if (!query && last != size - 1 && (last - first + 1) % CHUNK_GRANULARITY != 0) {
            throw DriveException.invalid(
                    "a chunk other than the last must be a multiple of 262144 bytes (256 KiB), not "
                            + (last - first + 1));
        }
        Optional<StagedFile> locked = staging.openWhenFree(id, query ? STATUS_PATIENCE : CHUNK_PATIENCE);
        try { // the request waited for may have ended the session meanwhile
            session = owned(caller, id);
        } catch (RuntimeException failedOrCancelled) {
            locked.ifPresent(file -> {
                file.close();
                if (!active(id)) {
                    staging.delete(id); // opening it again re-created the file the cancel had deleted
                }
            });
            throw failedOrCancelled;
        }
        if (session.getState() == UploadSession.State.DONE) {
            locked.ifPresent(file -> {
                file.close();
                staging.delete(id); // opening it again re-created the file the commit had deleted
            });
            return alreadyCompleted(caller, session);
        }
        if (locked.isEmpty()) {
            if (!query) {
                throw staging.busy();
            }
            return UploadProgress.of(Outcome.INCOMPLETE, session.getReceivedBytes(), size);
        }
        try (StagedFile file = locked.get()) {
            long received = file.settle(session.getReceivedBytes());
            Outcome outcome = Outcome.INCOMPLETE;
            if (!query && first != received) {
                outcome = Outcome.WRONG_OFFSET;
            } else if (!query) {
                long now = file.append(first, last - first + 1, body);
                if (now < 0) {
                    throw DriveException.invalid("the body is longer than its Content-Range");
                }
                received = now;
            }
            if (received != session.getReceivedBytes()) {
                self().acknowledge(id, received);
            }
            if (received == size) {
                return new UploadProgress(Outcome.COMPLETED, size, size, commit(caller, session, file));
            }
            return UploadProgress.of(outcome, received, size);
        }
    }

    private UploadProgress alreadyCompleted(Caller caller, UploadSession session) {
        return new UploadProgress(
                Outcome.ALREADY_COMPLETED, session.getTotalBytes(), session.getTotalBytes(), current(caller, session));
    }

    /** Cancels a session and removes its bytes. */
    public void cancel(Caller caller, String id) {
        em.remove(owned(caller, id));
        staging.delete(id);
    }

    /** Removes expired sessions and their staging files; returns how many. */
    public int sweep() {
        List<UploadSession> expired = em.createNamedQuery(UploadSession.EXPIRED, UploadSession.class)
                .setParameter("now", Instant.now())
                .getResultList();
        for (UploadSession session : expired) {
            em.remove(session);
            staging.delete(session.getId());
        }
        return expired.size();
    }

    /** Deletes staging files that belong to no active session (after a crash, or a cancel on another node). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweepOrphans() {
        for (String id : staging.ids()) {
            UploadSession session = em.find(UploadSession.class, id);
            if (session == null || session.getState() != UploadSession.State.ACTIVE) {
                staging.delete(id);
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void acknowledge(String id, long received) {
        em.createNamedQuery(UploadSession.ACKNOWLEDGE)
                .setParameter("received", received)
                .setParameter("id", id)
                .setParameter("active", UploadSession.State.ACTIVE)
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finished(String id, Long revision) {
        UploadSession session = em.find(UploadSession.class, id);
        if (session == null) {
            return; // cancelled meanwhile
        }
        if (revision == null) {
            session.failed();
        } else {
            session.completed(revision);
        }
    }

    private FileInfo commit(Caller caller, UploadSession session, StagedFile file) {
        FileInfo info;
        try {
            info = files.upload(
                    caller,
                    session.getPath(),
                    file.content(),
                    session.getTotalBytes(),
                    session.getSha256(),
                    new WriteCondition(session.getBaseRevision(), null, session.getOnConflict()));
        } catch (DriveException e) {
            if (e.kind() == DriveException.Kind.UNPROCESSABLE || e instanceof StaleRevisionException) {
                self().finished(session.getId(), null);
                staging.delete(session.getId());
            }
            throw e;
        }
        self().finished(session.getId(), info.revision());
        staging.delete(session.getId());
        return info;
    }

    private FileInfo current(Caller caller, UploadSession session) {
        return files.info(caller, session.getPath());
    }

    private boolean active(String id) {
        UploadSession session = em.find(UploadSession.class, id);
        return session != null && session.getState() == UploadSession.State.ACTIVE;
    }

    private UploadSession owned(Caller caller, String id) {
        UploadSession session = id == null ? null : em.find(UploadSession.class, id);
        if (session == null
                || !session.getUser().getUsername().equals(caller.username())
                || session.getState() == UploadSession.State.FAILED
                || session.getExpires().isBefore(Instant.now())) {
            throw DriveException.notFound("no such upload session (unknown, expired, failed or cancelled)");
        }
        return session;
    }

    private UploadSessions self() {
        return context.getBusinessObject(UploadSessions.class);
    }

    private static String newId() {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
