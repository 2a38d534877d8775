package drive.keys.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The master keys in a PKCS12 keystore file, aliases {@code master-1}, {@code master-2}, …; the
 * highest number is the current one, older ones stay so that data keys still wrapped by them (a
 * rotation in progress, a restored database backup) can be unwrapped. The file is rewritten only
 * by {@link #create} and {@link #rotate}, each time to a temporary file that is forced to disk and
 * atomically renamed over the old one. Losing this file (or its password) loses every block.
 */
public final class MasterKeyFile {

    static final String PREFIX = "master-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path path;
    private final char[] password;
    private volatile KeyStore keys;

    private MasterKeyFile(Path path, char[] password, KeyStore keys) {
        this.path = path;
        this.password = password.clone();
        this.keys = keys;
    }

    /** Opens the keystore at {@code path}. */
    public static MasterKeyFile open(Path path, char[] password) {
        return new MasterKeyFile(path, password, load(path, password));
    }

    /** Creates a keystore at {@code path} (which must not exist) holding one new master key. */
    public static MasterKeyFile create(Path path, char[] password) {
        if (Files.exists(path)) {
            throw new IllegalStateException("keystore " + path + " exists already");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            MasterKeyFile file = new MasterKeyFile(path, password, store);
            file.add(PREFIX + 1);
            return file;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot create keystore " + path, e);
        }
    }

    public MasterKey current() {
        int latest = latestNumber(keys);
        if (latest == 0) {
            throw new KeyUnavailableException("keystore " + path + " holds no master key (" + PREFIX + "<n>)");
        }
        return find(PREFIX + latest).orElseThrow();
    }

    /** The master key named {@code alias}, reloading the file once if another instance rotated. */
    public Optional<MasterKey> find(String alias) {
        Optional<MasterKey> key = entry(keys, alias);
        if (key.isEmpty()) {
            keys = load(path, password);
            key = entry(keys, alias);
        }
        return key;
    }

    /** Adds a new master key under the next alias, durably, and makes it the current one. */
    public synchronized MasterKey rotate() {
        keys = load(path, password);
        return add(PREFIX + (latestNumber(keys) + 1));
    }

    private MasterKey add(String alias) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey key = generator.generateKey();
            KeyStore copy = load(keys);
            copy.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
            save(copy);
            keys = copy;
            return new MasterKey(alias, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot add master key " + alias + " to " + path, e);
        }
    }

    private void save(KeyStore store) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path temp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, password);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write keystore " + path, e);
        }
    }

    private KeyStore load(KeyStore from) throws GeneralSecurityException {
        try {
            KeyStore copy = KeyStore.getInstance("PKCS12");
            copy.load(null, password);
            for (String alias : Collections.list(from.aliases())) {
                KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
                copy.setEntry(alias, from.getEntry(alias, protection), protection);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyStore load(Path path, char[] password) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyUnavailableException("cannot open keystore " + path + " (missing file or wrong password?)", e);
        }
    }

    private Optional<MasterKey> entry(KeyStore store, String alias) {
        try {
            if (!store.isKeyEntry(alias)) {
                return Optional.empty();
            }
            return Optional.of(new MasterKey(alias, (SecretKey) store.getKey(alias, password)));
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("cannot read master key " + alias + " from " + path, e);
        }
    }

    private static int latestNumber(KeyStore store) {
        try {
            return Collections.list(store.aliases()).stream()
                    .filter(a -> a.matches(PREFIX + "[0-9]+"))
                    .mapToInt(a -> Integer.parseInt(a.substring(PREFIX.length())))
                    .max()
                    .orElse(0);
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("cannot list the keystore", e);
        }
    }
}
