package drive.security;

import drive.devices.boundary.Devices;
import drive.platform.control.RetryLaterException;
import drive.sync.control.LongPolls;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Drive's one authentication mechanism, for every kind of client: HTTP Basic (scripts, curl),
 * {@code Bearer} device tokens (sync clients), and the browser's session cookie set by
 * {@code POST /api/session}, where every state-changing request must also carry the session's
 * {@code X-CSRF-Token}. Any /api request without valid credentials gets a 401 JSON answer, except
 * the few public endpoints ({@link #isPublic}).
 */
@ApplicationScoped
public class DriveAuthentication implements HttpAuthenticationMechanism {

    static final String SESSION_USER = "drive.user";
    static final String SESSION_GROUPS = "drive.groups";
    public static final String DEVICE_ATTRIBUTE = "drive.deviceId";
    /** The {@link LongPolls.Admission} of an authenticated long poll, for its resource to close. */
    public static final String ADMISSION_ATTRIBUTE = "drive.longpoll.admission";

    @Inject
    IdentityStoreHandler identityStores;

    @EJB
    Devices devices;

    @Inject
    LongPolls polls;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!isLongPoll(request)) {
            return authenticate(request, response, context);
        }
        // A long poll is admitted before it is authenticated: in a reconnect storm the 503 must be
        // cheaper than what it saves (a token lookup; PBKDF2 for Basic). The resource closes the
        // admission once the poll is registered; any other outcome closes it here.
        LongPolls.Admission admission;
        try {
            admission = polls.admit();
        } catch (RetryLaterException e) {
            response.setHeader("Retry-After", Integer.toString(e.retryAfterSeconds()));
            return Replies.send(response, 503, "unavailable", e.getMessage());
        }
        AuthenticationStatus status = AuthenticationStatus.SEND_FAILURE;
        try {
            status = authenticate(request, response, context);
        } finally {
            if (status == AuthenticationStatus.SUCCESS) {
                request.setAttribute(ADMISSION_ATTRIBUTE, admission);
            } else {
                admission.close();
            }
        }
        return status;
    }

    private AuthenticationStatus authenticate(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential login) {
            return sessionLogin(request, context, login);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return fromHeader(authorization, request, response, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String user) {
            if (!Csrf.isSafe(request) && !Csrf.matches(request, session)) {
                return Replies.send(
                        response,
                        403,
                        "forbidden",
                        "missing or wrong X-CSRF-Token header (get it from GET /api/session)");
            }
            @SuppressWarnings("unchecked")
            Set<String> groups = (Set<String>) session.getAttribute(SESSION_GROUPS);
            return context.notifyContainerAboutLogin(user, groups);
        }
        if (isPublic(request)) {
            return context.doNothing();
        }
        return unauthorized(response, "authentication required: HTTP Basic, a device Bearer token, or a session");
    }

    private AuthenticationStatus fromHeader(
            String authorization,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        if (startsWithIgnoreCase(authorization, "Basic ")) {
            Optional<UsernamePasswordCredential> login =
                    decodeBasic(authorization.substring(6).trim());
            if (login.isEmpty()) {
                return unauthorized(response, "malformed Basic credentials");
            }
            CredentialValidationResult result = identityStores.validate(login.get());
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return unauthorized(response, "wrong username or password");
            }
            return context.notifyContainerAboutLogin(result);
        }
        if (startsWithIgnoreCase(authorization, "Bearer ")) {
            Optional<Devices.Login> device =
                    devices.authenticate(authorization.substring(7).trim());
            if (device.isEmpty()) {
                return unauthorized(response, "unknown or revoked device token");
            }
            request.setAttribute(DEVICE_ATTRIBUTE, device.get().deviceId());
            return context.notifyContainerAboutLogin(
                    device.get().username(),
                    DriveIdentityStore.groups(device.get().admin()));
        }
        return unauthorized(response, "unsupported Authorization scheme; use Basic or Bearer");
    }

    private AuthenticationStatus sessionLogin(
            HttpServletRequest request, HttpMessageContext context, UsernamePasswordCredential login) {
        CredentialValidationResult result = identityStores.validate(login);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(SESSION_USER, result.getCallerPrincipal().getName());
        session.setAttribute(SESSION_GROUPS, Set.copyOf(result.getCallerGroups()));
        Csrf.issue(session);
        return context.notifyContainerAboutLogin(result);
    }

    private static boolean isLongPoll(HttpServletRequest request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getRequestURI().equals(request.getContextPath() + "/api/changes/longpoll");
    }

    static boolean isPublic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            return true;
        }
        return path.equals("/api/status")
                || path.startsWith("/api/public/") // share links: the token is the credential
                || (path.equals("/api/session") && !"DELETE".equals(request.getMethod()));
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String message) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Drive\", charset=\"UTF-8\"");
        return Replies.send(response, 401, "unauthorized", message);
    }

    static Optional<UsernamePasswordCredential> decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0
                    ? Optional.empty()
                    : Optional.of(
                            new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** Writes a JSON error straight to the servlet response (the mechanism runs before JAX-RS). */
    static final class Replies {
        private Replies() {}

        static AuthenticationStatus send(HttpServletResponse response, int status, String error, String message) {
            try {
                response.setStatus(status);
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter()
                        .write(Json.createObjectBuilder()
                                .add("error", error)
                                .add("message", message)
                                .build()
                                .toString());
                response.flushBuffer();
            } catch (IOException ignored) {
                // The client went away; nothing to tell it.
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
    }
}
