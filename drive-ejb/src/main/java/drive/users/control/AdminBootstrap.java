package drive.users.control;

import drive.users.boundary.Users;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure a fresh installation has an administrator. On the first start it creates user
 * {@code admin} with {@code DRIVE_ADMIN_PASSWORD} (or a generated password, logged once) and leaves
 * the marker file {@code admin-created} in the data directory so the start script knows the
 * password was consumed; only the PBKDF2 hash is stored. Later starts change nothing.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class AdminBootstrap {

    public static final String ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @EJB
    Users users;

    @Inject
    @ConfigProperty(name = "drive.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "drive.home", defaultValue = "drive-data")
    String home;

    @PostConstruct
    void ensureAdmin() {
        if (users.find(ADMIN).isPresent()) {
            return;
        }
        String password = adminPassword.filter(p -> !p.isBlank()).orElseGet(AdminBootstrap::generate);
        users.create(ADMIN, password, null, true);
        if (adminPassword.isEmpty()) {
            LOG.warning(() -> "Created user 'admin' with generated password " + password + " (shown once)");
        } else {
            LOG.info("Created user 'admin' with the password from DRIVE_ADMIN_PASSWORD");
        }
        try {
            Path marker = Path.of(home, "admin-created");
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, "admin user created; only its PBKDF2 hash is stored\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin marker in " + home, e);
        }
    }

    static String generate() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
