package drive.blocks.entity;

import drive.files.entity.Namespace;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A block of content (at most 4 MiB) held by a namespace, identified by the SHA-256 of its
 * plaintext. One row per (namespace, hash): that is the per-account dedup.
 *
 * <p>Invariant for the garbage collector: {@code refCount} equals the number of {@code version_block}
 * rows pointing at this block. It is raised in the transaction that writes those rows
 * ({@code FileMetadata.commit}) with an atomic SQL increment, never read-modify-written here, so
 * concurrent commits cannot lose a reference.
 */
@Entity
@Table(name = "block")
@NamedQuery(name = Block.BY_HASH, query = "SELECT b FROM Block b WHERE b.namespace = :namespace AND b.sha256 = :sha256")
public class Block {

    public static final String BY_HASH = "Block.byHash";

    @Id
    @SequenceGenerator(name = "block_seq", sequenceName = "block_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "block_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "namespace_id", updatable = false)
    private Namespace namespace;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(nullable = false, updatable = false)
    private int size;

    @Column(name = "storage_key", nullable = false, updatable = false)
    private String storageKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private Codec codec;

    @Column(name = "ref_count", nullable = false, updatable = false)
    private long refCount;

    @Column(nullable = false, updatable = false)
    private Instant created;

    protected Block() {}

    /** A new block, not yet referenced by any version. */
    public Block(Namespace namespace, String sha256, int size, String storageKey, Codec codec) {
        this.namespace = namespace;
        this.sha256 = sha256;
        this.size = size;
        this.storageKey = storageKey;
        this.codec = codec;
        this.created = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Namespace getNamespace() {
        return namespace;
    }

    public String getSha256() {
        return sha256;
    }

    public int getSize() {
        return size;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public Codec getCodec() {
        return codec;
    }

    /** The number of version_block rows pointing here, as last read from the database. */
    public long getRefCount() {
        return refCount;
    }
}
