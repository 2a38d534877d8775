package drive.files.api;

import drive.files.boundary.UploadSessions;
import drive.files.control.FileInfo;
import drive.files.control.UploadProgress;
import drive.files.entity.UploadSession;
import drive.platform.api.ErrorBody;
import drive.platform.control.DriveException;
import drive.security.CallerResolver;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Google Drive's resumable-upload protocol over {@link UploadSessions}: opening a session answers
 * 200 with its URI in {@code Location}; each chunk is answered {@code 308 Resume Incomplete} with
 * {@code Range: bytes=0-N} (the durable bytes) until the last one, which answers 201 with the file.
 */
@RequestScoped
public class ResumableProtocol {

    /** 308 is not in {@link Response.Status}. */
    static final int RESUME_INCOMPLETE = 308;

    @EJB
    UploadSessions sessions;

    @Inject
    CallerResolver callers;

    @Inject
    HttpServletRequest request;

    /** The session as shown when it is opened. */
    public record Opened(String uploadId, String path, long size, Instant expires) {}

    Response start(InputStream body) {
        String size = request.getHeader("X-Upload-Content-Length");
        if (size == null) {
            throw DriveException.invalid("X-Upload-Content-Length (the file's size in bytes) is required");
        }
        JsonBody json = JsonBody.read(body, "{path, baseRevision?, onConflict?, sha256?}");
        UploadSession session = sessions.start(
                callers.caller(),
                new UploadSessions.Declared(
                        json.string("path"),
                        Params.condition(
                                json.wholeNumber("baseRevision"),
                                request.getHeader("If-Match"),
                                json.string("onConflict")),
                        json.string("sha256"),
                        request.getHeader("X-Upload-Content-Type"),
                        Params.nonNegative("X-Upload-Content-Length", size)));
        URI location = URI.create("files/upload?uploadType=resumable&upload_id=" + session.getId());
        return Response.ok(
                        new Opened(session.getId(), session.getPath(), session.getTotalBytes(), session.getExpires()))
                .location(location)
                .build();
    }

    Response put(String uploadId, String contentRange, InputStream body) {
        ContentRange range;
        try {
            range = ContentRange.parse(contentRange);
        } catch (ContentRange.Malformed e) {
            return ErrorBody.response(416, "invalid_range", e.getMessage());
        }
        UploadProgress progress = sessions.receive(
                callers.caller(), required(uploadId), range.first(), range.last(), range.total(), body);
        return switch (progress.outcome()) {
            case INCOMPLETE, WRONG_OFFSET -> withRange(Response.status(RESUME_INCOMPLETE), progress)
                    .build();
            case WRONG_TOTAL -> withRange(
                            Response.fromResponse(ErrorBody.response(
                                    416,
                                    "invalid_range",
                                    "Content-Range does not fit the declared size of " + progress.total() + " bytes")),
                            progress)
                    .build();
            case COMPLETED -> Response.created(download(progress.file()))
                    .entity(progress.file())
                    .build();
            case ALREADY_COMPLETED -> Response.ok(progress.file()).build();
        };
    }

    Response cancel(String uploadId) {
        sessions.cancel(callers.caller(), required(uploadId));
        return Response.noContent().build();
    }

    private static Response.ResponseBuilder withRange(Response.ResponseBuilder response, UploadProgress progress) {
        return progress.received() > 0 ? response.header("Range", "bytes=0-" + (progress.received() - 1)) : response;
    }

    private static URI download(FileInfo file) {
        return URI.create("/api/files/download?path=" + URLEncoder.encode(file.path(), StandardCharsets.UTF_8));
    }

    private static String required(String uploadId) {
        if (uploadId == null || uploadId.isBlank()) {
            throw DriveException.invalid("upload_id is required");
        }
        return uploadId;
    }
}
