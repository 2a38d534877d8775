package drive.devices.boundary;

import drive.cache.control.CacheInvalidation;
import drive.cache.control.MetadataCache;
import drive.cache.control.Region;
import drive.devices.entity.Device;
import drive.platform.control.DriveException;
import drive.users.boundary.Users;
import drive.users.entity.User;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Registers a user's devices and authenticates them by bearer token. A token is 256 random bits,
 * shown once at registration; only its SHA-256 is stored, so a database leak does not leak tokens.
 */
@Stateless
public class Devices {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_SEEN_GRANULARITY = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @EJB
    Users users;

    @Inject
    MetadataCache cache;

    @Inject
    CacheInvalidation invalidation;

    /** A newly registered device and its token (the only time the token is available). */
    public record Registration(Device device, String token) {}

    public Registration register(String username, String name, String kind) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw DriveException.invalid("device name is required (at most 200 characters)");
        }
        User user = users.find(username).orElseThrow(() -> DriveException.notFound("no such user"));
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String safeKind = kind == null || kind.isBlank() ? "other" : kind.strip();
        if (safeKind.length() > 40) {
            throw DriveException.invalid("device kind has at most 40 characters");
        }
        Device device = new Device(user, name.strip(), safeKind, sha256(token));
        em.persist(device);
        return new Registration(device, token);
    }

    /** Who a device token authenticates: the device and its user, and when it was last seen. */
    public record Login(long deviceId, String username, boolean admin, Instant seen) {}

    /**
     * The device holding this token, if it exists and is not revoked; records when it was seen (at
     * most once per {@link #LAST_SEEN_GRANULARITY}). Served from the metadata cache ({@link
     * Region#TOKENS}) in the scope {@link MetadataCache#DEVICES}, whose epoch {@link #revoke}
     * replaces in step with its commit: a revoked token is refused on every instance from the moment
     * the revocation returns (the guarantee of {@link MetadataCache}). Unknown tokens are not cached.
     */
    public Optional<Login> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Login login = cache.read(Region.TOKENS, MetadataCache.DEVICES, hash, () -> load(hash));
        if (login != null && stale(login.seen())) {
            login = cache.reread(Region.TOKENS, MetadataCache.DEVICES, hash, () -> load(hash));
        }
        return Optional.ofNullable(login);
    }

    private Login load(String hash) {
        Optional<Device> device = em.createNamedQuery(Device.BY_TOKEN_HASH, Device.class)
                .setParameter("tokenHash", hash)
                .getResultStream()
                .findFirst();
        device.filter(d -> stale(d.getLastSeen())).ifPresent(d -> d.seen(Instant.now()));
        return device.map(d -> new Login(
                        d.getId(), d.getUser().getUsername(), d.getUser().isAdmin(), d.getLastSeen()))
                .orElse(null);
    }

    private static boolean stale(Instant seen) {
        return seen == null || seen.plus(LAST_SEEN_GRANULARITY).isBefore(Instant.now());
    }

    public List<Device> list(String username) {
        return em.createQuery(
                        "SELECT d FROM Device d WHERE d.user.username = :username AND d.revoked = false ORDER BY d.id",
                        Device.class)
                .setParameter("username", username)
                .getResultList();
    }

    public void revoke(String username, long deviceId) {
        Device device = em.find(Device.class, deviceId);
        if (device == null || !device.getUser().getUsername().equals(username) || device.isRevoked()) {
            throw DriveException.notFound("no such device");
        }
        device.revoke();
        invalidation.changing(MetadataCache.DEVICES);
    }

    static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
