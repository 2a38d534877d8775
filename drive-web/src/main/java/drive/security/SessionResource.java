package drive.security;

import drive.platform.api.ErrorBody;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Browser sign-in: {@code POST /api/session} with JSON (the UI) or a classic HTML form checks the
 * password through Jakarta Security and starts a cookie session; the answer carries the CSRF token
 * the browser must send back on every state-changing request.
 */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    /** Sign-in data of the JSON form. */
    public record Login(String username, String password) {}

    /** The signed-in user and the CSRF token of the session. */
    public record SessionInfo(String username, boolean admin, String csrfToken) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(Login login) {
        if (login == null || login.username() == null || login.password() == null) {
            return ErrorBody.response(400, "invalid_request", "username and password are required");
        }
        return signIn(login.username(), login.password())
                ? Response.ok(current()).build()
                : ErrorBody.response(401, "unauthorized", "wrong username or password");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response formLogin(@FormParam("username") String username, @FormParam("password") String password) {
        boolean ok = username != null && password != null && signIn(username, password);
        return Response.seeOther(URI.create(ok ? "/" : "/?login=failed")).build();
    }

    @GET
    public Response get() {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(DriveAuthentication.SESSION_USER) == null) {
            return ErrorBody.response(401, "unauthorized", "not signed in");
        }
        return Response.ok(current()).build();
    }

    @DELETE
    public Response logout() throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }

    private boolean signIn(String username, String password) {
        AuthenticationStatus status = security.authenticate(
                request,
                response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, password))
                        .newAuthentication(true));
        return status == AuthenticationStatus.SUCCESS;
    }

    private SessionInfo current() {
        HttpSession session = request.getSession(false);
        String user = (String) session.getAttribute(DriveAuthentication.SESSION_USER);
        boolean admin = session.getAttribute(DriveAuthentication.SESSION_GROUPS) instanceof java.util.Set<?> groups
                && groups.contains("admin");
        return new SessionInfo(user, admin, (String) session.getAttribute(Csrf.ATTRIBUTE));
    }
}
