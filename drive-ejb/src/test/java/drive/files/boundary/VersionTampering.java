package drive.files.boundary;

import drive.files.entity.FileVersion;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Field;

/**
 * Test-only EJB for ContainerIT: tries to rewrite history the way a careless future change might,
 * so the test can show that a stored revision does not change.
 */
@Stateless
public class VersionTampering {

    @PersistenceContext
    EntityManager em;

    public long versionId(String path, long revision) {
        return em.createQuery(
                        "SELECT v.id FROM FileVersion v WHERE v.file.path = :path AND v.revision = :revision",
                        Long.class)
                .setParameter("path", path)
                .setParameter("revision", revision)
                .getSingleResult();
    }

    /** Changes the size field of a managed version behind the entity's back and flushes. */
    public void overwriteSize(long versionId, long size) throws ReflectiveOperationException {
        FileVersion version = em.find(FileVersion.class, versionId);
        Field field = FileVersion.class.getDeclaredField("size");
        field.setAccessible(true);
        field.setLong(version, size);
        em.merge(version);
        em.flush();
    }

    public void remove(long versionId) {
        em.remove(em.find(FileVersion.class, versionId));
        em.flush();
    }

    public long storedSize(long versionId) {
        return ((Number) em.createNativeQuery("SELECT size FROM file_version WHERE id = ?1")
                        .setParameter(1, versionId)
                        .getSingleResult())
                .longValue();
    }

    public long blockRows(String path) {
        return em.createQuery(
                        "SELECT COUNT(DISTINCT vb.block) FROM VersionBlock vb WHERE vb.version.file.path = :path",
                        Long.class)
                .setParameter("path", path)
                .getSingleResult();
    }
}
