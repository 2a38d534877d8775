package drive.blocks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the one {@link BlockStore} of the application from {@code drive.blockstore}:
 * {@code filesystem} (the embedded default) or {@code rados} (Ceph). Everything else injects
 * {@code BlockStore} and never learns which. Configuration mistakes (unknown kind, no conf file,
 * no librados) stop the deployment with a clear message instead of failing the first upload.
 */
@ApplicationScoped
public class BlockStores {

    private static final Logger LOG = Logger.getLogger(BlockStores.class.getName());

    @Inject
    @ConfigProperty(name = "drive.blockstore", defaultValue = "filesystem")
    String kind;

    @Inject
    @ConfigProperty(name = "drive.home", defaultValue = "drive-data")
    String home;

    @Inject
    @ConfigProperty(name = "drive.blockstore.path")
    Optional<String> path;

    @Inject
    @ConfigProperty(name = "drive.rados.conf")
    Optional<String> radosConf;

    @Inject
    @ConfigProperty(name = "drive.rados.keyring")
    Optional<String> radosKeyring;

    @Inject
    @ConfigProperty(name = "drive.rados.client", defaultValue = "drive")
    String radosClient;

    @Inject
    @ConfigProperty(name = "drive.rados.pool", defaultValue = "drive")
    String radosPool;

    @Inject
    @ConfigProperty(name = "drive.rados.cold-pool", defaultValue = "drive-cold")
    String radosColdPool;

    @Produces
    @ApplicationScoped
    BlockStore blockStore() {
        return switch (kind.trim().toLowerCase()) {
            case "filesystem" -> fileSystem();
            case "rados" -> rados();
            default -> throw new IllegalStateException(
                    "drive.blockstore must be 'filesystem' or 'rados', not '" + kind + "'");
        };
    }

    void close(@Disposes BlockStore store) {
        if (store instanceof RadosBlockStore rados) {
            rados.close();
        }
    }

    /** Builds the store during deployment, so that a misconfiguration fails the start, not an upload. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, BlockStore store) {
        store.toString();
    }

    private BlockStore fileSystem() {
        Path root = Path.of(path.orElse(Path.of(home, "blocks").toString())).toAbsolutePath();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create block directory " + root, e);
        }
        LOG.info(() -> "block store: filesystem at " + root);
        return new FileSystemBlockStore(root);
    }

    private BlockStore rados() {
        String conf = radosConf.orElseThrow(() -> new IllegalStateException(
                "drive.blockstore=rados needs drive.rados.conf (DRIVE_RADOS_CONF): the cluster's ceph.conf"));
        requireReadable(conf, "drive.rados.conf");
        radosKeyring.ifPresent(k -> requireReadable(k, "drive.rados.keyring"));
        String version = RadosBlockStore.librados();
        LOG.info(() -> "block store: Ceph RADOS pool " + radosPool + " (cold: " + radosColdPool + ") as client."
                + radosClient + ", " + conf + ", librados " + version);
        return new RadosBlockStore(new RadosSettings(conf, radosKeyring, radosClient, radosPool, radosColdPool));
    }

    private static void requireReadable(String file, String key) {
        if (!Files.isReadable(Path.of(file))) {
            throw new IllegalStateException(key + " names " + file + ", which is not a readable file");
        }
    }
}
