package drive.platform.api;

import drive.users.boundary.Users;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Public liveness of the application itself (not just the server): answers only once Drive is
 * deployed and its database reachable. The start script waits on it, because Payara Micro reports
 * "Deployed" even when a deployment failed.
 */
@Path("status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    /** The answer: always "ok" when there is one. */
    public record Status(String status, String version) {}

    @EJB
    Users users;

    @GET
    public Status status() {
        users.find("admin");
        String version = StatusResource.class.getPackage().getImplementationVersion();
        return new Status("ok", version == null ? "dev" : version);
    }
}
