package drive.keys.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens the master keystore at start-up, and creates it on the very first start: keystore
 * {@code drive.keystore.path} (default {@code <drive.home>/keys/master.p12}) with a random password
 * written to {@code drive.keystore.password-file} (default {@code <drive.home>/keys/master.pass},
 * mode 600) unless {@code drive.keystore.password} (env {@code DRIVE_KEYSTORE_PASSWORD}) gives one.
 * Refuses to start when the keystore is missing but data keys exist: a fresh keystore then would
 * hide that every stored block has become unreadable.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MasterKeys {

    private static final Logger LOG = Logger.getLogger(MasterKeys.class.getName());

    @Inject
    @ConfigProperty(name = "drive.home", defaultValue = "drive-data")
    String home;

    @Inject
    @ConfigProperty(name = "drive.keystore.path")
    Optional<String> keystorePath;

    @Inject
    @ConfigProperty(name = "drive.keystore.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "drive.keystore.password-file")
    Optional<String> passwordFile;

    @PersistenceContext
    EntityManager em;

    MasterKeyFile file;

    @PostConstruct
    void open() {
        Path keystore =
                Path.of(keystorePath.orElse(Path.of(home, "keys", "master.p12").toString()));
        Path secret =
                Path.of(passwordFile.orElse(Path.of(home, "keys", "master.pass").toString()));
        if (Files.exists(keystore)) {
            file = MasterKeyFile.open(keystore, password(secret, false));
            LOG.info(() -> "Master keystore " + keystore + " open, current key "
                    + file.current().alias());
            return;
        }
        long wrapped = em.createQuery("SELECT COUNT(k) FROM NamespaceKey k", Long.class)
                .getSingleResult();
        if (wrapped > 0) {
            throw new KeyUnavailableException("master keystore " + keystore + " is missing but " + wrapped
                    + " data keys depend on it: restore it (and its password) from backup");
        }
        file = MasterKeyFile.create(keystore, password(secret, true));
        LOG.warning(() -> "Created master keystore " + keystore + " (password in " + secret
                + " unless drive.keystore.password is set): BACK BOTH UP, without them the data is lost");
    }

    public MasterKey current() {
        return file.current();
    }

    public MasterKey byAlias(String alias) {
        return file.find(alias)
                .orElseThrow(() -> new KeyUnavailableException("master key " + alias + " is not in the keystore"));
    }

    /** Adds a new current master key; existing data keys still name (and need) the older ones. */
    public MasterKey rotate() {
        MasterKey next = file.rotate();
        LOG.info(() -> "Master key rotated: new data keys and re-wraps use " + next.alias());
        return next;
    }

    private char[] password(Path secret, boolean createIfMissing) {
        if (password.filter(p -> !p.isBlank()).isPresent()) {
            return password.get().toCharArray();
        }
        try {
            if (Files.exists(secret)) {
                return Files.readString(secret, StandardCharsets.UTF_8).strip().toCharArray();
            }
            if (!createIfMissing) {
                throw new KeyUnavailableException(
                        "the keystore password is neither in drive.keystore.password nor in " + secret);
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(secret.toAbsolutePath().getParent());
            Files.createFile(
                    secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(secret, generated + "\n", StandardCharsets.UTF_8);
            return generated.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the keystore password file " + secret, e);
        }
    }
}
