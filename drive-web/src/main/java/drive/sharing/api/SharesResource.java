package drive.sharing.api;

import drive.files.api.JsonBody;
import drive.platform.control.DriveException;
import drive.security.CallerResolver;
import drive.sharing.boundary.Shares;
import drive.sharing.control.ShareView;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/**
 * Sharing files and folders with other users: grant, list per item, "Shared with me", change the
 * role, revoke or leave, add to / remove from one's drive.
 */
@Path("shares")
@Produces(MediaType.APPLICATION_JSON)
public class SharesResource {

    @EJB
    Shares shares;

    @Inject
    CallerResolver callers;

    /** {@code {path, user, role: viewer|editor, canReshare?}} → 201 with the share. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response share(InputStream body) {
        JsonBody json = JsonBody.read(body, "{path, user, role, canReshare?}");
        ShareView share = shares.share(
                callers.caller(),
                json.requiredString("path"),
                json.requiredString("user"),
                json.requiredString("role"),
                Boolean.TRUE.equals(json.bool("canReshare")));
        return Response.created(URI.create("/api/shares/" + share.id()))
                .entity(share)
                .build();
    }

    /** {@code {path, user}}: makes {@code user} (who must have a share of it) the owner; the caller keeps editor access. */
    @POST
    @Path("transfer")
    @Consumes(MediaType.WILDCARD)
    public ShareView transfer(InputStream body) {
        JsonBody json = JsonBody.read(body, "{path, user}");
        return shares.transfer(callers.caller(), json.requiredString("path"), json.requiredString("user"));
    }

    /** Who has access to the item at {@code path}. */
    @GET
    public List<ShareView> of(@QueryParam("path") String path) {
        if (path == null) {
            throw DriveException.invalid("path is required");
        }
        return shares.of(callers.caller(), path);
    }

    /** "Shared with me". */
    @GET
    @Path("incoming")
    public List<ShareView> incoming() {
        return shares.incoming(callers.caller());
    }

    /** {@code {role?, canReshare?}} */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public ShareView change(@PathParam("id") String id, InputStream body) {
        JsonBody json = JsonBody.read(body, "{role?, canReshare?}");
        return shares.change(callers.caller(), id(id), json.string("role"), json.bool("canReshare"));
    }

    /** Revoke (owner, or who granted it) or leave (the recipient). */
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        shares.remove(callers.caller(), id(id));
        return Response.noContent().build();
    }

    /** Add to my drive, optionally {@code {name}}; the item appears at {@code /<name>}. */
    @POST
    @Path("{id}/mount")
    @Consumes(MediaType.WILDCARD)
    public ShareView mount(@PathParam("id") String id, InputStream body) {
        String name = null;
        byte[] raw = bytes(body);
        if (raw.length > 0) {
            name = JsonBody.read(new ByteArrayInputStream(raw), "{name?}").string("name");
        }
        return shares.mount(callers.caller(), id(id), name);
    }

    /** Remove from my drive (it stays under "Shared with me"). */
    @DELETE
    @Path("{id}/mount")
    public ShareView unmount(@PathParam("id") String id) {
        return shares.unmount(callers.caller(), id(id));
    }

    static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw DriveException.invalid("a share id is a number, not '" + id + "'");
        }
    }

    private static byte[] bytes(InputStream body) {
        try {
            return body == null ? new byte[0] : body.readNBytes(64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
