package drive.files.api;

import drive.blocks.control.BlockReader;
import drive.files.boundary.FileTree;
import drive.files.boundary.Files;
import drive.files.boundary.FolderArchives;
import drive.files.control.DeletedEntry;
import drive.files.control.DeletedListing;
import drive.files.control.Download;
import drive.files.control.FileInfo;
import drive.files.control.Listing;
import drive.files.control.RevisionInfo;
import drive.platform.api.ErrorBody;
import drive.platform.control.DriveException;
import drive.security.CallerResolver;
import drive.users.control.Caller;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The file API of the brief over HTTP: simple upload, download (with ranges and caching
 * validators), listing and revision history. Paths are query parameters so that any file name can
 * be addressed without escaping rules of URL paths.
 */
@Path("files")
@Produces(MediaType.APPLICATION_JSON)
public class FilesResource {

    @EJB
    Files files;

    @Inject
    CallerResolver callers;

    @Inject
    BlockReader blocks;

    @Inject
    ResumableProtocol resumable;

    @EJB
    FolderArchives archives;

    @POST
    @Path("upload")
    @Consumes(MediaType.WILDCARD)
    public Response upload(
            @QueryParam("uploadType") String uploadType,
            @QueryParam("path") String path,
            @QueryParam("baseRevision") String baseRevision,
            @QueryParam("onConflict") String onConflict,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Content-Length") String contentLength,
            InputStream body) {
        if ("resumable".equals(uploadType)) {
            return resumable.start(body);
        }
        if (uploadType != null && !uploadType.equals("media")) {
            throw DriveException.invalid(
                    "uploadType '" + uploadType + "' is not supported; use uploadType=media or uploadType=resumable");
        }
        long declared = contentLength == null ? -1 : Params.nonNegative("Content-Length", contentLength);
        Long base = baseRevision == null ? null : Params.nonNegative("baseRevision", baseRevision);
        FileInfo info =
                files.upload(callers.caller(), path, body, declared, null, Params.condition(base, ifMatch, onConflict));
        URI location = downloadUri(info);
        if (info.status().equals("pending")) { // still being processed after drive.upload.wait-seconds
            return Response.accepted(info).location(location).build();
        }
        return Response.created(location).entity(info).build();
    }

    /** A chunk of a resumable upload, or (with {@code Content-Range: bytes *}{@code /total}) a status query. */
    @PUT
    @Path("upload")
    @Consumes(MediaType.WILDCARD)
    public Response resume(
            @QueryParam("upload_id") String uploadId,
            @HeaderParam("Content-Range") String contentRange,
            InputStream body) {
        return resumable.put(uploadId, contentRange, body);
    }

    @DELETE
    @Path("upload")
    public Response cancel(@QueryParam("upload_id") String uploadId) {
        return resumable.cancel(uploadId);
    }

    @GET
    @Path("list")
    public Listing list(@QueryParam("path") String path) {
        return files.list(callers.caller(), path == null ? "/" : path);
    }

    @GET
    @Path("info")
    public FileInfo info(@QueryParam("path") String path) {
        return files.info(callers.caller(), path);
    }

    @GET
    @Path("list_revisions")
    public List<RevisionInfo> revisions(@QueryParam("path") String path, @QueryParam("limit") String limit) {
        int max = limit == null ? 10 : (int) Math.min(Params.nonNegative("limit", limit), 1000);
        return files.revisions(callers.caller(), path, max);
    }

    @GET
    @Path("download")
    @Produces(MediaType.WILDCARD)
    public Response download(
            @QueryParam("path") String path,
            @QueryParam("revision") String revision,
            @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        Long wanted = revision == null ? null : Params.nonNegative("revision", revision);
        Download d = files.download(callers.caller(), path, wanted);
        EntityTag etag = new EntityTag(d.sha256());
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || ifNoneMatch.contains("\"" + d.sha256() + "\""))) {
            return Response.notModified(etag).build();
        }
        Optional<ByteRange> slice;
        try {
            slice = ByteRange.parse(range, d.size());
        } catch (ByteRange.Unsatisfiable e) {
            return Response.fromResponse(ErrorBody.response(
                            416, "invalid_range", "Range lies outside the content of " + d.size() + " bytes"))
                    .header("Content-Range", "bytes */" + d.size())
                    .build();
        }
        long first = slice.map(ByteRange::first).orElse(0L);
        long last = slice.map(ByteRange::last).orElse(d.size() - 1);
        StreamingOutput body = out -> blocks.write(d.namespaceId(), d.blocks(), first, last, out);
        Response.ResponseBuilder response = Response.status(slice.isPresent() ? 206 : 200)
                .entity(body)
                .type(contentType(d.name()))
                .tag(etag)
                .header("Content-Length", last - first + 1)
                .header("Accept-Ranges", "bytes")
                .header("Cache-Control", "private, no-cache")
                .header("Content-Disposition", disposition(d.name()))
                .header("X-Drive-Revision", d.revision());
        slice.ifPresent(r -> response.header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + d.size()));
        return response.build();
    }

    /**
     * A folder ({@code path=/} for the whole drive) as a ZIP of its live files' latest revisions and
     * its folders, streamed while it is written ({@link FolderZip}); 404 for no folder there, 409 for a file.
     */
    @GET
    @Path("download_zip")
    @Produces(MediaType.WILDCARD)
    public Response downloadZip(@QueryParam("path") String path) {
        Caller caller = callers.caller();
        return FolderZip.answer(archives.contents(caller, path), archives, blocks);
    }

    /**
     * Delta upload: commits a file as the list of its blocks' SHA-256 (cut by the client with Drive's
     * chunker). 201 with the new revision, or 200 with {@code {missing: [...]}}: the blocks to send
     * with {@code PUT /api/blocks/{sha256}} before committing again.
     */
    @POST
    @Path("commit")
    @Consumes(MediaType.WILDCARD)
    public Response commit(@HeaderParam("If-Match") String ifMatch, InputStream body) {
        JsonBody json = JsonBody.read(body, "{path, size, blocks: [sha256...], baseRevision?, onConflict?, sha256?}");
        Files.CommitResult result = files.commit(
                callers.caller(),
                new Files.BlockCommit(
                        json.requiredString("path"),
                        json.requiredWholeNumber("size"),
                        json.strings("blocks"),
                        json.string("sha256"),
                        Params.condition(json.wholeNumber("baseRevision"), ifMatch, json.string("onConflict"))));
        if (result.file() == null) {
            return Response.ok(new Missing(result.missing())).build();
        }
        return Response.created(downloadUri(result.file()))
                .entity(result.file())
                .build();
    }

    /** The answer of a commit that lacks blocks. */
    public record Missing(List<String> missing) {}

    /** A revision's block list, for clients that rebuild files from blocks (delta download). */
    @GET
    @Path("blocks")
    public BlockList blocks(@QueryParam("path") String path, @QueryParam("revision") String revision) {
        Long wanted = revision == null ? null : Params.nonNegative("revision", revision);
        Download d = files.download(callers.caller(), path, wanted);
        long offset = 0;
        List<BlockList.Entry> entries = new ArrayList<>(d.blocks().size());
        for (var block : d.blocks()) {
            entries.add(new BlockList.Entry(block.sha256(), offset, block.size()));
            offset += block.size();
        }
        return new BlockList(path, d.revision(), d.size(), d.sha256(), entries);
    }

    /** A revision as blocks: each block's SHA-256, offset in the file and size. */
    public record BlockList(String path, long revision, long size, String sha256, List<Entry> blocks) {
        public record Entry(String sha256, long offset, int size) {}
    }

    /** Restores an old revision as a new one (no bytes copied); JSON {path, revision, baseRevision?, onConflict?}. */
    @POST
    @Path("restore")
    @Consumes(MediaType.WILDCARD)
    public FileInfo restore(@HeaderParam("If-Match") String ifMatch, InputStream body) {
        JsonBody json = JsonBody.read(body, "{path, revision, baseRevision?, onConflict?}");
        return files.restore(
                callers.caller(),
                json.requiredString("path"),
                json.requiredWholeNumber("revision"),
                Params.condition(json.wholeNumber("baseRevision"), ifMatch, json.string("onConflict")));
    }

    private static URI downloadUri(FileInfo info) {
        return URI.create("/api/files/download?path=" + URLEncoder.encode(info.path(), StandardCharsets.UTF_8));
    }

    private static String contentType(String name) {
        String guessed = URLConnection.guessContentTypeFromName(name);
        return guessed == null ? MediaType.APPLICATION_OCTET_STREAM : guessed;
    }

    /** RFC 6266: an ASCII fallback name plus the exact UTF-8 name (also for share links' downloads). */
    public static String disposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        String utf8 = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8;
    }

    // Folders and moves (issue 4, part 6): JSON bodies, one transaction each in FileTree.

    @EJB
    FileTree tree;

    @POST
    @Path("create_folder")
    @Consumes(MediaType.WILDCARD)
    public Response createFolder(InputStream body) {
        JsonObject json = TreeRequests.object(body, "{path}");
        FileInfo folder = tree.createFolder(callers.caller(), TreeRequests.string(json, "path"));
        return Response.created(
                        URI.create("/api/files/list?path=" + URLEncoder.encode(folder.path(), StandardCharsets.UTF_8)))
                .entity(folder)
                .build();
    }

    @POST
    @Path("move")
    @Consumes(MediaType.WILDCARD)
    public FileInfo move(InputStream body) {
        JsonObject json = TreeRequests.object(body, "{from, to}");
        return tree.move(callers.caller(), TreeRequests.string(json, "from"), TreeRequests.string(json, "to"));
    }

    @POST
    @Path("copy")
    @Consumes(MediaType.WILDCARD)
    public Response copy(InputStream body) {
        JsonObject json = TreeRequests.object(body, "{from, to}");
        FileInfo copy = tree.copy(callers.caller(), TreeRequests.string(json, "from"), TreeRequests.string(json, "to"));
        return Response.created(
                        URI.create("/api/files/info?path=" + URLEncoder.encode(copy.path(), StandardCharsets.UTF_8)))
                .entity(copy)
                .build();
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.WILDCARD)
    public DeletedEntry delete(InputStream body) {
        return tree.delete(callers.caller(), TreeRequests.string(TreeRequests.object(body, "{path}"), "path"));
    }

    @GET
    @Path("list_deleted")
    public DeletedListing listDeleted(@QueryParam("path") String path) {
        return tree.listDeleted(callers.caller(), path == null ? "/" : path);
    }

    @POST
    @Path("undelete")
    @Consumes(MediaType.WILDCARD)
    public FileInfo undelete(InputStream body) {
        return tree.undelete(callers.caller(), TreeRequests.string(TreeRequests.object(body, "{path}"), "path"));
    }
}
