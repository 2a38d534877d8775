package drive.keys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A namespace's data key (AES-256) as stored: only wrapped by the master key named
 * {@code masterAlias}, never in the clear. Blocks name the {@code keyVersion} they were encrypted
 * with, so the row is never deleted; rotating the master key re-wraps it ({@link #rewrap}) and
 * leaves the blocks as they are.
 */
@Entity
@Table(name = "namespace_key")
@IdClass(NamespaceKey.Key.class)
@NamedQuery(
        name = NamespaceKey.LATEST,
        query = "SELECT k FROM NamespaceKey k WHERE k.namespaceId = :namespace ORDER BY k.keyVersion DESC")
@NamedQuery(name = NamespaceKey.ALL, query = "SELECT k FROM NamespaceKey k ORDER BY k.namespaceId, k.keyVersion")
public class NamespaceKey {

    public static final String LATEST = "NamespaceKey.latest";
    public static final String ALL = "NamespaceKey.all";

    @Id
    @Column(name = "namespace_id", nullable = false, updatable = false)
    private long namespaceId;

    @Id
    @Column(name = "key_version", nullable = false, updatable = false)
    private int keyVersion;

    @Column(name = "master_alias", nullable = false, length = 64)
    private String masterAlias;

    /** Base64 of the wrapped key. */
    @Column(name = "wrapped_key", nullable = false, length = 128)
    private String wrappedKey;

    @Column(nullable = false, updatable = false)
    private Instant created;

    protected NamespaceKey() {}

    public NamespaceKey(long namespaceId, int keyVersion, String masterAlias, String wrappedKey) {
        this.namespaceId = namespaceId;
        this.keyVersion = keyVersion;
        this.masterAlias = masterAlias;
        this.wrappedKey = wrappedKey;
        this.created = Instant.now();
    }

    public long getNamespaceId() {
        return namespaceId;
    }

    public int getKeyVersion() {
        return keyVersion;
    }

    public String getMasterAlias() {
        return masterAlias;
    }

    public String getWrappedKey() {
        return wrappedKey;
    }

    public Instant getCreated() {
        return created;
    }

    /** The same key, now wrapped by another master key. */
    public void rewrap(String masterAlias, String wrappedKey) {
        this.masterAlias = masterAlias;
        this.wrappedKey = wrappedKey;
    }

    /** Composite key: (namespaceId, keyVersion). */
    public static class Key implements Serializable {
        private long namespaceId;
        private int keyVersion;

        public Key() {}

        public Key(long namespaceId, int keyVersion) {
            this.namespaceId = namespaceId;
            this.keyVersion = keyVersion;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && namespaceId == k.namespaceId && keyVersion == k.keyVersion;
        }

        @Override
        public int hashCode() {
            return Objects.hash(namespaceId, keyVersion);
        }
    }
}
