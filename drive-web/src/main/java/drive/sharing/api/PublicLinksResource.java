package drive.sharing.api;

import drive.blocks.control.BlockReader;
import drive.files.api.FilesResource;
import drive.files.api.FolderZip;
import drive.files.boundary.FolderArchives;
import drive.files.control.Download;
import drive.files.control.FileInfo;
import drive.files.control.Listing;
import drive.sharing.boundary.ShareLinks;
import drive.sharing.control.LinkTickets;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * Reading through a share link, without an account: the token in the URL is the credential (and
 * {@code X-Link-Password} when the link has a password). Paths are relative to the linked item
 * ({@code /} is the item itself; a folder link browses below it). Read-only.
 */
@Path("public/links/{token}")
@Produces(MediaType.APPLICATION_JSON)
public class PublicLinksResource {

    @EJB
    ShareLinks links;

    @EJB
    FolderArchives archives;

    @Inject
    BlockReader blocks;

    @Context
    HttpServletRequest request;

    @GET
    public FileInfo info(
            @PathParam("token") String token,
            @QueryParam("path") String path,
            @HeaderParam("X-Link-Password") String password) {
        return links.info(token, password, path, client());
    }

    @GET
    @Path("list")
    public Listing list(
            @PathParam("token") String token,
            @QueryParam("path") String path,
            @HeaderParam("X-Link-Password") String password) {
        return links.list(token, password, path, client());
    }

    /** What {@link #ticket} answers. */
    public record Ticket(String ticket, long expiresInSeconds) {}

    /**
     * A download ticket for the holder of the link's password: {@code ?ticket=} on {@code download}
     * or {@code download_zip} stands in for the password header for {@link LinkTickets#VALIDITY},
     * so the browser can save the file through a plain link. 409 for a link without a password.
     */
    @POST
    @Path("ticket")
    public Ticket ticket(@PathParam("token") String token, @HeaderParam("X-Link-Password") String password) {
        return new Ticket(links.ticket(token, password, client()), LinkTickets.VALIDITY.toSeconds());
    }

    @GET
    @Path("download")
    @Produces(MediaType.WILDCARD)
    public Response download(
            @PathParam("token") String token,
            @QueryParam("path") String path,
            @QueryParam("ticket") String ticket,
            @HeaderParam("X-Link-Password") String password) {
        Download d = links.download(token, secret(password, ticket), path, client());
        StreamingOutput body = out -> blocks.write(d.namespaceId(), d.blocks(), 0, d.size() - 1, out);
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .tag(new EntityTag(d.sha256()))
                .header("Content-Length", d.size())
                .header("Cache-Control", "private, no-cache")
                .header("Content-Disposition", FilesResource.disposition(d.name()))
                .build();
    }

    /**
     * A folder link's folder ({@code path} below it; none for the folder itself) as a ZIP, streamed
     * as {@code /api/files/download_zip} streams it; 409 for a file link or a file. A {@link #ticket}
     * may stand in for the password.
     */
    @GET
    @Path("download_zip")
    @Produces(MediaType.WILDCARD)
    public Response downloadZip(
            @PathParam("token") String token,
            @QueryParam("path") String path,
            @QueryParam("ticket") String ticket,
            @HeaderParam("X-Link-Password") String password) {
        return FolderZip.answer(
                archives.throughLink(token, secret(password, ticket), path, client()), archives, blocks);
    }

    /** The link's password, or a download ticket standing in for it. */
    private static String secret(String password, String ticket) {
        return password != null ? password : ticket;
    }

    private String client() {
        return request.getRemoteAddr();
    }
}
