package drive.users.api;

import drive.files.boundary.Files;
import drive.platform.control.DriveException;
import drive.security.CallerResolver;
import drive.users.boundary.Users;
import drive.users.control.Caller;
import drive.users.entity.User;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** User administration: admins create users; everyone can read their own account. */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @EJB
    Users users;

    @Inject
    CallerResolver callers;

    /** A new user's data. */
    public record NewUser(String username, String password, String email, Boolean admin, Long quotaBytes) {}

    @Inject
    @ConfigProperty(name = "drive.upload.max-bytes", defaultValue = "10737418240")
    long maxFileBytes;

    @EJB
    Files files;

    /**
     * What is shown of a user (never the password hash); {@code usedBytes} and {@code maxFileBytes}
     * (the largest file accepted) only for oneself, so that a client can check an upload before sending it.
     */
    public record UserView(
            String username, String email, boolean admin, long quotaBytes, Long usedBytes, Long maxFileBytes) {
        static UserView of(User u, Long usedBytes, Long maxFileBytes) {
            return new UserView(u.getUsername(), u.getEmail(), u.isAdmin(), u.getQuotaBytes(), usedBytes, maxFileBytes);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewUser user) {
        String me = callers.caller().username();
        if (!users.isAdmin(me)) {
            throw DriveException.forbidden("only administrators can create users");
        }
        if (user == null) {
            throw DriveException.invalid("a JSON body {username, password, email} is required");
        }
        User created = users.create(
                user.username(), user.password(), user.email(), Boolean.TRUE.equals(user.admin()), user.quotaBytes());
        return Response.created(URI.create("/api/users/" + created.getUsername()))
                .entity(UserView.of(created, null, null))
                .build();
    }

    @GET
    @Path("me")
    public UserView me() {
        Caller caller = callers.caller();
        return users.find(caller.username())
                .map(u -> UserView.of(u, files.usedBytes(caller), maxFileBytes))
                .orElseThrow(() -> DriveException.notFound("no such user"));
    }
}
