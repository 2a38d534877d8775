package drive.files.entity;

import drive.blocks.entity.Block;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * Block number {@code seq} of a version. A version's content is its blocks concatenated in
 * {@code seq} order; the same block may appear at several positions. Immutable like the version.
 */
@Entity
@Table(name = "version_block")
@IdClass(VersionBlock.Key.class)
@NamedQuery(
        name = VersionBlock.OF_VERSION,
        query = "SELECT vb FROM VersionBlock vb JOIN FETCH vb.block WHERE vb.version = :version ORDER BY vb.seq")
public class VersionBlock {

    public static final String OF_VERSION = "VersionBlock.ofVersion";

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "version_id", updatable = false)
    private FileVersion version;

    @Id
    @Column(nullable = false, updatable = false)
    private int seq;

    @ManyToOne(optional = false)
    @JoinColumn(name = "block_id", updatable = false)
    private Block block;

    protected VersionBlock() {}

    public VersionBlock(FileVersion version, int seq, Block block) {
        this.version = version;
        this.seq = seq;
        this.block = block;
    }

    public FileVersion getVersion() {
        return version;
    }

    public int getSeq() {
        return seq;
    }

    public Block getBlock() {
        return block;
    }

    /** Composite key: (version, seq). */
    public static class Key implements Serializable {
        private Long version;
        private int seq;

        public Key() {}

        public Key(Long version, int seq) {
            this.version = version;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(version, k.version) && seq == k.seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, seq);
        }
    }
}
