package drive.sharing.api;

import drive.files.api.JsonBody;
import drive.platform.control.DriveException;
import drive.security.CallerResolver;
import drive.sharing.boundary.ShareLinks;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Making, listing and revoking read-only share links (the reading side is {@link PublicLinksResource}). */
@Path("links")
@Produces(MediaType.APPLICATION_JSON)
public class LinksResource {

    @EJB
    ShareLinks links;

    @Inject
    CallerResolver callers;

    /** {@code {path, password?, expires? (ISO-8601 instant), expiresInSeconds?}} → 201 with the link and its token (shown once). */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(InputStream body) {
        JsonBody json = JsonBody.read(body, "{path, password?, expires?, expiresInSeconds?}");
        Instant expires = null;
        String at = json.string("expires");
        Long in = json.wholeNumber("expiresInSeconds");
        if (at != null && in != null) {
            throw DriveException.invalid("give expires or expiresInSeconds, not both");
        }
        if (at != null) {
            try {
                expires = Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw DriveException.invalid("expires must be an ISO-8601 instant such as 2030-01-31T12:00:00Z");
            }
        } else if (in != null) {
            expires = Instant.now().plus(Duration.ofSeconds(Math.min(in, 100L * 365 * 86400)));
        }
        ShareLinks.LinkView link =
                links.create(callers.caller(), json.requiredString("path"), json.string("password"), expires);
        return Response.created(URI.create("/api/public/links/" + link.token()))
                .entity(link)
                .build();
    }

    @GET
    public List<ShareLinks.LinkView> of(@QueryParam("path") String path) {
        if (path == null) {
            throw DriveException.invalid("path is required");
        }
        return links.of(callers.caller(), path);
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw DriveException.invalid("a link id is a number, not '" + id + "'");
        }
        links.revoke(callers.caller(), n);
        return Response.noContent().build();
    }
}
