package drive.blocks.api;

import drive.blocks.boundary.Blocks;
import drive.blocks.control.BlockReader;
import drive.security.CallerResolver;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;

/**
 * Single blocks by the SHA-256 of their content, for clients that chunk files themselves: {@code
 * PUT} uploads a block a delta commit reported missing, {@code GET} fetches one to rebuild a file
 * from a revision's block list ({@code GET /api/files/blocks}).
 */
@Path("blocks/{sha256}")
@Produces(MediaType.APPLICATION_JSON)
public class BlocksResource {

    @EJB
    Blocks blocks;

    @Inject
    BlockReader reader;

    @Inject
    CallerResolver callers;

    /** 201 when stored now, 200 when the account held it already; 422 if the body has another hash. */
    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response put(@PathParam("sha256") String sha256, @QueryParam("path") String path, InputStream body) {
        Blocks.Stored stored = blocks.put(callers.caller(), path, sha256, body);
        return Response.status(stored.created() ? 201 : 200).entity(stored).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response get(@PathParam("sha256") String sha256, @QueryParam("path") String path) {
        Blocks.Located block = blocks.find(callers.caller(), path, sha256);
        StreamingOutput body = out -> reader.write(
                block.namespaceId(),
                List.of(block.pointer()),
                0,
                block.pointer().size() - 1L,
                out);
        return Response.ok(body)
                .tag(new EntityTag(sha256))
                .header("Content-Length", block.pointer().size())
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .build();
    }
}
