package drive.blocks.boundary;

import drive.blocks.control.BlockIngest;
import drive.blocks.control.BlockPointer;
import drive.blocks.entity.Block;
import drive.files.control.DrivePath;
import drive.files.control.FileMetadata;
import drive.files.entity.Namespace;
import drive.platform.control.DriveException;
import drive.sharing.control.Access;
import drive.sharing.control.OwnerPaths;
import drive.sharing.control.Target;
import drive.users.control.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Single blocks, addressed by the SHA-256 of their plaintext, for clients that chunk files
 * themselves (delta upload and download): {@link #put} stores a block the namespace lacks, {@link
 * #find} locates one it holds. A block put but never committed stays unreferenced ({@code
 * ref_count} 0), which is what a garbage collector looks for.
 */
@Stateless
@Interceptors(OwnerPaths.class)
public class Blocks {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @PersistenceContext
    EntityManager em;

    @Inject
    FileMetadata metadata;

    @Inject
    BlockIngest ingest;

    @Inject
    Access access;

    @Resource
    SessionContext context;

    /** A block as the API shows it; {@code created} false when the namespace held it already. */
    public record Stored(String sha256, int size, boolean created) {}

    /** Where a held block is: the namespace whose key decrypts it, and the pointer. */
    public record Located(long namespaceId, BlockPointer pointer) {}

    /**
     * Reads one block (at most {@link BlockIngest#BLOCK_SIZE} bytes), checks that its SHA-256 is
     * {@code sha256}, and stores it durably (compressed where it pays, encrypted) unless the
     * namespace holds it already.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Stored put(Caller caller, String path, String sha256, InputStream body) {
        checkHash(sha256);
        Target target = access.resolve(caller, DrivePath.parse(path == null ? "/" : path), Access.Need.WRITE);
        byte[] data = new byte[BlockIngest.BLOCK_SIZE];
        int n = readUpTo(body, data);
        try {
            if (body.read() >= 0) {
                throw new DriveException(
                        DriveException.Kind.TOO_LARGE,
                        "a block is at most " + BlockIngest.BLOCK_SIZE + " bytes (4 MiB); nothing was saved");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String actual = HexFormat.of().formatHex(digest(data, n));
        if (!actual.equals(sha256)) {
            throw new DriveException(
                    DriveException.Kind.UNPROCESSABLE,
                    "the body's SHA-256 is " + actual + ", not " + sha256 + "; nothing was saved");
        }
        long namespaceId = metadata.space(target.caller()).namespaceId();
        BlockPointer pointer = ingest.storeBlock(namespaceId, sha256, data, n);
        for (int attempt = 1; ; attempt++) {
            try {
                return new Stored(sha256, n, self().record(namespaceId, pointer));
            } catch (EJBException e) { // a concurrent put or upload recorded the same block first
                if (attempt == 3) {
                    throw new DriveException(
                            DriveException.Kind.CONFLICT, "the block was stored concurrently too often; try again", e);
                }
            }
        }
    }

    /** Records the stored block's row (unreferenced until a commit names it); false if there was one. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean record(long namespaceId, BlockPointer pointer) {
        if (!metadata.heldBlocks(namespaceId, List.of(pointer.sha256())).isEmpty()) {
            return false;
        }
        em.persist(new Block(
                em.find(Namespace.class, namespaceId),
                pointer.sha256(),
                pointer.size(),
                pointer.storageKey(),
                pointer.codec()));
        em.flush();
        return true;
    }

    /**
     * The block {@code sha256} of the namespace {@code path} lies in (the caller's own drive when
     * null); 404 if it holds none, or (through a share) if no file inside the shared entry uses it.
     */
    public Located find(Caller caller, String path, String sha256) {
        checkHash(sha256);
        Target target = access.resolve(caller, DrivePath.parse(path == null ? "/" : path), Access.Need.READ);
        long namespaceId = metadata.space(target.caller()).namespaceId();
        Block block = metadata.heldBlocks(namespaceId, List.of(sha256)).get(sha256);
        if (block == null || !access.blockVisible(target, sha256)) {
            throw DriveException.notFound("this account holds no block " + sha256);
        }
        return new Located(namespaceId, FileMetadata.pointer(block));
    }

    private static void checkHash(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw DriveException.invalid("a block is named by its SHA-256: 64 lowercase hexadecimal digits");
        }
    }

    private static int readUpTo(InputStream in, byte[] buffer) {
        try {
            int n = 0;
            int r;
            while (n < buffer.length && (r = in.read(buffer, n, buffer.length - n)) > 0) {
                n += r;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the block failed", e);
        }
    }

    private static byte[] digest(byte[] data, int n) {
        MessageDigest sha = BlockIngest.sha256();
        sha.update(data, 0, n);
        return sha.digest();
    }

    private Blocks self() {
        return context.getBusinessObject(Blocks.class);
    }
}
