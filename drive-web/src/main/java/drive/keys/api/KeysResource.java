package drive.keys.api;

import drive.keys.boundary.Keys;
import drive.platform.control.DriveException;
import drive.security.CallerResolver;
import drive.users.boundary.Users;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Encryption-key administration. {@code POST /api/admin/keys/rotate} adds a new master key to the
 * keystore and re-wraps every namespace's data key with it (blocks are not rewritten); answers
 * {@code {masterAlias, rewrapped}}. Administrators only.
 */
@Path("admin/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    @EJB
    Keys keys;

    @EJB
    Users users;

    @Inject
    CallerResolver callers;

    @POST
    @Path("rotate")
    public Keys.Rotation rotate() {
        if (!users.isAdmin(callers.caller().username())) {
            throw DriveException.forbidden("only administrators can rotate keys");
        }
        return keys.rotate();
    }
}
