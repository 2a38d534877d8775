package drive.it;

import static drive.it.DriveClient.randomBytes;
import static drive.it.DriveClient.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import drive.blocks.control.ContentDefinedChunker;
import drive.it.DriveClient.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Upload, list, download (whole, ranges, conditional), revisions and folders, against a running Drive. */
class FileRoundTripHttpIT {

    /** Several blocks whatever the content-defined cuts: more than the 4 MiB maximum, not a multiple of it. */
    private static final int MULTI_BLOCK_SIZE = 6 * 1024 * 1024 + 123;

    private static DriveClient user;
    private static String root;

    @BeforeAll
    static void freshUser() {
        user = DriveClient.newUser();
        root = "/" + DriveClient.unique("roundtrip");
    }

    @Test
    void multiBlockFileIsListedAndDownloadsByteIdentical() {
        byte[] content = randomBytes(MULTI_BLOCK_SIZE);
        String path = root + "/big/random.bin";

        Reply uploaded = user.upload(path, content);
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        Map<String, Object> info = uploaded.json();
        assertThat(info)
                .containsEntry("path", path)
                .containsEntry("name", "random.bin")
                .containsEntry("folder", false)
                .containsEntry("size", (long) content.length)
                .containsEntry("sha256", sha256(content))
                .containsEntry("revision", 1L)
                .containsEntry("status", "uploaded")
                .containsKey("modified");

        Reply listing = user.list(root + "/big");
        assertThat(listing.status()).as("%s", listing).isEqualTo(200);
        assertThat(listing.json()).containsEntry("path", root + "/big");
        assertThat(listing.entries()).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("name", "random.bin")
                .containsEntry("size", (long) content.length)
                .containsEntry("sha256", sha256(content)));

        Reply download = user.download(path);
        assertThat(download.status()).as("%s", download).isEqualTo(200);
        assertThat(download.body().length).isEqualTo(content.length);
        assertThat(sha256(download.body())).isEqualTo(sha256(content));
        assertThat(download.header("ETag")).contains("\"" + sha256(content) + "\"");
        assertThat(download.header("Content-Length")).contains(String.valueOf(content.length));
        assertThat(download.header("Accept-Ranges")).contains("bytes");
    }

    @Test
    void secondUploadAddsRevisionNewestFirstAndOldRevisionStaysDownloadable() {
        byte[] first = randomBytes(100_000);
        byte[] second = randomBytes(70_000);
        String path = root + "/revisions/doc.bin";

        assertThat(user.upload(path, first).json()).containsEntry("revision", 1L);
        Reply again = user.upload(path, second);
        assertThat(again.status()).as("%s", again).isEqualTo(201);
        assertThat(again.json()).containsEntry("revision", 2L).containsEntry("sha256", sha256(second));

        Reply revisions = user.revisions(path);
        assertThat(revisions.status()).as("%s", revisions).isEqualTo(200);
        List<Map<String, Object>> history = revisions.jsonList();
        assertThat(history).extracting(r -> r.get("revision")).containsExactly(2L, 1L);
        assertThat(history).extracting(r -> r.get("sha256")).containsExactly(sha256(second), sha256(first));
        assertThat(history).extracting(r -> r.get("size")).containsExactly((long) second.length, (long) first.length);
        assertThat(history)
                .allSatisfy(
                        r -> assertThat(r).containsEntry("user", user.username).containsKey("modified"));

        Reply limited = user.get("/api/files/list_revisions?limit=1&path=" + DriveClient.q(path));
        assertThat(limited.jsonList()).extracting(r -> r.get("revision")).containsExactly(2L);

        Reply latest = user.download(path);
        assertThat(sha256(latest.body())).isEqualTo(sha256(second));
        Reply old = user.get("/api/files/download?revision=1&path=" + DriveClient.q(path));
        assertThat(old.status()).as("%s", old).isEqualTo(200);
        assertThat(sha256(old.body())).isEqualTo(sha256(first));
        assertThat(old.header("ETag")).contains("\"" + sha256(first) + "\"");
    }

    @Test
    void rangeRequestsAnswerPartialContent() {
        byte[] content = randomBytes(MULTI_BLOCK_SIZE);
        String path = root + "/ranges/data.bin";
        assertThat(user.upload(path, content).status()).isEqualTo(201);
        int size = content.length;

        assertRange(path, "bytes=100-199", 100, 199, content);
        int boundary = firstBlockLength(content);
        assertRange(path, "bytes=" + (boundary - 10) + "-" + (boundary + 9), boundary - 10, boundary + 9, content);
        assertRange(path, "bytes=" + (size - 50) + "-", size - 50, size - 1, content);
        assertRange(path, "bytes=-10", size - 10, size - 1, content);
        assertRange(path, "bytes=" + (size - 5) + "-" + (size + 1000), size - 5, size - 1, content);
    }

    /** Where the server cuts the first block (the same chunker), so that a range can straddle it. */
    private static int firstBlockLength(byte[] content) {
        try {
            return new ContentDefinedChunker(new ByteArrayInputStream(content))
                    .next(new byte[ContentDefinedChunker.MAX_SIZE]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRange(String path, String range, int first, int last, byte[] content) {
        Reply part = user.download(path, "Range", range);
        assertThat(part.status()).as("%s", part).isEqualTo(206);
        assertThat(part.header("Content-Range"))
                .as(range)
                .contains("bytes " + first + "-" + last + "/" + content.length);
        assertThat(part.header("Content-Length")).as(range).contains(String.valueOf(last - first + 1));
        assertThat(part.body()).as(range).isEqualTo(Arrays.copyOfRange(content, first, last + 1));
    }

    @Test
    void rangeBeyondTheEndIsUnsatisfiable() {
        byte[] content = randomBytes(1000);
        String path = root + "/ranges/small.bin";
        assertThat(user.upload(path, content).status()).isEqualTo(201);

        Reply reply = user.download(path, "Range", "bytes=1000-2000");
        reply.assertError(416, "invalid_range");
        assertThat(reply.header("Content-Range")).contains("bytes */1000");
    }

    @Test
    void ifNoneMatchWithCurrentEtagAnswersNotModified() {
        byte[] content = randomBytes(5000);
        String path = root + "/cache/etag.bin";
        assertThat(user.upload(path, content).status()).isEqualTo(201);
        String etag = user.download(path).header("ETag").orElseThrow();

        Reply cached = user.download(path, "If-None-Match", etag);
        assertThat(cached.status()).as("%s", cached).isEqualTo(304);
        assertThat(cached.body()).isEmpty();
        assertThat(cached.header("ETag")).contains(etag);

        Reply stale = user.download(path, "If-None-Match", "\"" + sha256(new byte[1]) + "\"");
        assertThat(stale.status()).as("%s", stale).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(content);
    }

    @Test
    void unicodeFileNameIsGivenInContentDisposition() {
        String name = "Grüße – 日本語 ✓.txt";
        String path = root + "/unicode/" + name;
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        Reply uploaded = user.upload(path, content);
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        assertThat(uploaded.json()).containsEntry("name", name);

        Reply download = user.download(path);
        assertThat(download.status()).as("%s", download).isEqualTo(200);
        String disposition = download.header("Content-Disposition").orElseThrow();
        Matcher utf8 = Pattern.compile("filename\\*=UTF-8''([^;\\s]+)").matcher(disposition);
        assertThat(utf8.find()).as(disposition).isTrue();
        assertThat(URLDecoder.decode(utf8.group(1), StandardCharsets.UTF_8)).isEqualTo(name);
        assertThat(disposition).startsWith("attachment").contains("filename=\"");
        assertThat(download.body()).isEqualTo(content);
        assertThat(user.list(root + "/unicode").entries())
                .extracting(e -> e.get("name"))
                .containsExactly(name);
    }

    @Test
    void uploadCreatesParentFoldersVisibleInListingsFoldersFirst() {
        String top = root + "/tree";
        assertThat(user.upload(top + "/a/b/c.txt", "c".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(201);
        assertThat(user.upload(top + "/0-file.txt", "0".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(201);

        Reply rootListing = user.list("/");
        assertThat(rootListing.entries())
                .anySatisfy(e -> assertThat(e).containsEntry("path", root).containsEntry("folder", true));

        List<Map<String, Object>> topEntries = user.list(top).entries();
        assertThat(topEntries).extracting(e -> e.get("name")).containsExactly("a", "0-file.txt");
        assertThat(topEntries).extracting(e -> e.get("folder")).containsExactly(true, false);
        assertThat(user.list(top + "/a").entries()).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("name", "b")
                .containsEntry("path", top + "/a/b")
                .containsEntry("folder", true));
        assertThat(user.list(top + "/a/b").entries()).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("name", "c.txt")
                .containsEntry("folder", false)
                .containsEntry("size", 1L));

        Reply folderInfo = user.info(top + "/a");
        assertThat(folderInfo.status()).as("%s", folderInfo).isEqualTo(200);
        assertThat(folderInfo.json()).containsEntry("folder", true);
    }

    @Test
    void uploadBelowAnExistingFileIsConflict() {
        String file = root + "/conflict/plain.txt";
        assertThat(user.upload(file, "x".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(201);

        user.upload(file + "/child.txt", "y".getBytes(StandardCharsets.UTF_8)).assertError(409, "conflict");

        user.info(file + "/child.txt").assertError(404, "not_found");
        Reply still = user.download(file);
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.text()).isEqualTo("x");
        assertThat(user.info(file).json()).containsEntry("folder", false).containsEntry("revision", 1L);
    }

    @Test
    void emptyFileCanBeUploadedAndDownloaded() {
        String path = root + "/empty/nothing.txt";
        Reply uploaded = user.upload(path, new byte[0]);
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        assertThat(uploaded.json()).containsEntry("size", 0L).containsEntry("sha256", sha256(new byte[0]));

        Reply download = user.download(path);
        assertThat(download.status()).as("%s", download).isEqualTo(200);
        assertThat(download.body()).isEmpty();
        assertThat(download.header("Content-Length")).contains("0");
        assertThat(download.header("ETag")).contains("\"" + sha256(new byte[0]) + "\"");
    }
}
