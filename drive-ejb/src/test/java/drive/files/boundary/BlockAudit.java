package drive.files.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Test-only EJB for ContainerIT: reads block and key rows the way an auditor (or a GC) would. */
@Stateless
public class BlockAudit {

    @PersistenceContext
    EntityManager em;

    /** Storage keys of a revision's distinct blocks. */
    public List<String> storageKeys(String path, long revision) {
        return em.createQuery(
                        "SELECT DISTINCT vb.block.storageKey FROM VersionBlock vb"
                                + " WHERE vb.version.file.path = :path AND vb.version.revision = :revision",
                        String.class)
                .setParameter("path", path)
                .setParameter("revision", revision)
                .getResultList();
    }

    /** Plaintext SHA-256s of a revision's distinct blocks. */
    public List<String> sha256s(String path, long revision) {
        return em.createQuery(
                        "SELECT DISTINCT vb.block.sha256 FROM VersionBlock vb"
                                + " WHERE vb.version.file.path = :path AND vb.version.revision = :revision",
                        String.class)
                .setParameter("path", path)
                .setParameter("revision", revision)
                .getResultList();
    }

    /** Ref counts of a path's distinct blocks. */
    public List<Long> refCounts(String path) {
        return em.createQuery(
                        "SELECT DISTINCT vb.block.id, vb.block.refCount FROM VersionBlock vb WHERE vb.version.file.path = :path",
                        Object[].class)
                .setParameter("path", path)
                .getResultStream()
                .map(row -> ((Number) row[1]).longValue())
                .toList();
    }

    /** Blocks whose ref_count differs from the number of version_block rows pointing at them. */
    public long refCountMismatches() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM block b WHERE b.ref_count <>"
                                + " (SELECT COUNT(*) FROM version_block vb WHERE vb.block_id = b.id)")
                        .getSingleResult())
                .longValue();
    }

    public long blockRows() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM block").getSingleResult()).longValue();
    }

    public List<String> masterAliases() {
        return em.createQuery("SELECT DISTINCT k.masterAlias FROM NamespaceKey k", String.class)
                .getResultList();
    }
}
