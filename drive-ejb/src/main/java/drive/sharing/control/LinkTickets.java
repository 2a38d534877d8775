package drive.sharing.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived download tickets for links with a password. A browser sends the password in a header,
 * which a plain link cannot carry, and a plain link is the one way to let the browser stream a
 * download to disk; so the link page trades the password for a ticket, valid for {@link #VALIDITY},
 * and puts that in the download's address. A ticket is {@code <expiry, epoch seconds>.<MAC>}, the MAC
 * an HMAC-SHA-256 of the link's id and the expiry keyed by the link's stored password hash: only the
 * server can make one, any instance can check one without shared state, and a ticket of one link
 * opens no other. It is checked when a request starts: a download under way when it expires goes on.
 */
public final class LinkTickets {

    public static final Duration VALIDITY = Duration.ofMinutes(2);

    private LinkTickets() {}

    /** A ticket for link {@code linkId}, valid from {@code now} for {@link #VALIDITY}. */
    public static String issue(long linkId, String key, Instant now) {
        long expiry = now.plus(VALIDITY).getEpochSecond();
        return expiry + "." + mac(linkId, expiry, key);
    }

    /** Whether {@code ticket} was issued for link {@code linkId} under {@code key} and has not expired. */
    public static boolean valid(String ticket, long linkId, String key, Instant now) {
        if (ticket == null || key == null) {
            return false;
        }
        int dot = ticket.indexOf('.');
        long expiry;
        try {
            expiry = Long.parseLong(ticket.substring(0, Math.max(dot, 0)));
        } catch (NumberFormatException e) {
            return false;
        }
        return now.getEpochSecond() <= expiry
                && MessageDigest.isEqual(
                        ticket.substring(dot + 1).getBytes(StandardCharsets.US_ASCII),
                        mac(linkId, expiry, key).getBytes(StandardCharsets.US_ASCII));
    }

    private static String mac(long linkId, long expiry, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sum = mac.doFinal(("drive-link-ticket:" + linkId + ":" + expiry).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
