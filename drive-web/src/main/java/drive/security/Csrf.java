package drive.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The synchroniser token against cross-site request forgery for cookie sessions: a random token
 * per session that state-changing requests must echo in {@code X-CSRF-Token}. Requests with
 * Basic or Bearer credentials need none: a browser never adds those on its own to a forged request.
 */
final class Csrf {

    static final String HEADER = "X-CSRF-Token";
    static final String ATTRIBUTE = "drive.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {}

    static String issue(HttpSession session) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        session.setAttribute(ATTRIBUTE, token);
        return token;
    }

    static boolean isSafe(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
    }

    static boolean matches(HttpServletRequest request, HttpSession session) {
        String sent = request.getHeader(HEADER);
        Object expected = session.getAttribute(ATTRIBUTE);
        return sent != null
                && expected instanceof String token
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
