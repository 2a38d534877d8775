package drive.cache.api;

import drive.cache.boundary.Caches;
import drive.platform.control.DriveException;
import drive.security.CallerResolver;
import drive.users.boundary.Users;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Metadata cache administration: {@code POST /api/admin/caches/{name}/clear} empties one cache
 * ({@code namespaces}, {@code file-info}, {@code listings}, {@code revisions}) on every instance and
 * answers {@code {cache, entries}}. Administrators only.
 */
@Path("admin/caches")
@Produces(MediaType.APPLICATION_JSON)
public class CachesResource {

    @EJB
    Caches caches;

    @EJB
    Users users;

    @Inject
    CallerResolver callers;

    @POST
    @Path("{name}/clear")
    public Caches.Cleared clear(@PathParam("name") String name) {
        if (!users.isAdmin(callers.caller().username())) {
            throw DriveException.forbidden("only administrators can clear caches");
        }
        return caches.clear(name);
    }
}
