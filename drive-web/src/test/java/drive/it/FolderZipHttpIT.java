package drive.it;

import static drive.it.DriveClient.q;
import static drive.it.DriveClient.randomBytes;
import static drive.it.DriveClient.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import drive.it.DriveClient.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/files/download_zip}: a folder as a ZIP of its live files, against a running Drive. */
class FolderZipHttpIT {

    private static DriveClient user;
    private static String root;

    @BeforeAll
    static void freshUser() {
        user = DriveClient.newUser();
        root = "/" + DriveClient.unique("zip");
    }

    /** One entry read back: its bytes and, after reading them, its sizes from the data descriptor. */
    record Read(byte[] bytes, long compressedSize, boolean folder) {}

    @Test
    void folderBecomesAZipOfItsLiveFilesWithTheirLatestBytesAndUtf8Names() throws IOException {
        String folder = root + "/Holiday 2026";
        byte[] text = "a line of notes that repeats\n".repeat(4000).getBytes(StandardCharsets.UTF_8);
        byte[] photo = randomBytes(9 * 1024 * 1024 + 17); // several blocks, incompressible
        byte[] greeting = "grüße\n".getBytes(StandardCharsets.UTF_8);
        uploaded(folder + "/notes.txt", "old draft".getBytes(StandardCharsets.UTF_8));
        uploaded(folder + "/notes.txt", text); // revision 2 goes in the ZIP
        uploaded(folder + "/photos/photo-1.raw", photo);
        uploaded(folder + "/Grüße/naïve 日本.txt", greeting);
        uploaded(folder + "/empty.txt", new byte[0]);
        uploaded(folder + "/gone.txt", randomBytes(10));
        assertThat(user.postJson("/api/files/delete", Json.object("path", folder + "/gone.txt"))
                        .status())
                .isEqualTo(200);
        assertThat(user.postJson("/api/files/create_folder", Json.object("path", folder + "/empty folder"))
                        .status())
                .isEqualTo(201);
        uploaded(root + "/outside.txt", randomBytes(10)); // next to the folder, not in it

        Reply zip = user.get("/api/files/download_zip?path=" + q(folder));

        assertThat(zip.status()).as("%s", zip).isEqualTo(200);
        assertThat(zip.header("Content-Type").orElse("")).isEqualTo("application/zip");
        assertThat(zip.header("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"Holiday 2026.zip\"; filename*=UTF-8''Holiday%202026.zip");
        Map<String, Read> entries = read(zip.body());
        assertThat(entries.keySet())
                .containsExactlyInAnyOrder(
                        "Holiday 2026/",
                        "Holiday 2026/notes.txt",
                        "Holiday 2026/photos/",
                        "Holiday 2026/photos/photo-1.raw",
                        "Holiday 2026/Grüße/",
                        "Holiday 2026/Grüße/naïve 日本.txt",
                        "Holiday 2026/empty.txt",
                        "Holiday 2026/empty folder/");
        assertThat(entries.get("Holiday 2026/notes.txt").bytes()).isEqualTo(text);
        assertThat(sha256(entries.get("Holiday 2026/photos/photo-1.raw").bytes()))
                .isEqualTo(sha256(photo));
        assertThat(entries.get("Holiday 2026/Grüße/naïve 日本.txt").bytes()).isEqualTo(greeting);
        assertThat(entries.get("Holiday 2026/empty.txt").bytes()).isEmpty();
        assertThat(entries.get("Holiday 2026/empty folder/").folder()).isTrue();
        assertThat(entries.get("Holiday 2026/notes.txt").compressedSize())
                .as("text is deflated")
                .isLessThan(text.length / 10);
        assertThat(entries.get("Holiday 2026/photos/photo-1.raw").compressedSize())
                .as("incompressible content is stored as it is (level 0), not inflated")
                .isBetween((long) photo.length, photo.length + photo.length / 1000L);
    }

    @Test
    void rootIsTheWholeDrive() throws IOException {
        DriveClient other = DriveClient.newUser();
        byte[] a = randomBytes(100);
        assertThat(other.upload("/top.bin", a).status()).isEqualTo(201);
        assertThat(other.upload("/inner/deep.bin", a).status()).isEqualTo(201);

        Reply zip = other.get("/api/files/download_zip?path=/");

        assertThat(zip.status()).as("%s", zip).isEqualTo(200);
        assertThat(zip.header("Content-Disposition").orElse("")).contains("filename=\"My Drive.zip\"");
        assertThat(read(zip.body()).keySet())
                .containsExactlyInAnyOrder(
                        "My Drive/", "My Drive/top.bin", "My Drive/inner/", "My Drive/inner/deep.bin");
    }

    @Test
    void badPathsGetJsonErrorsAndOtherPeoplesFoldersDoNotExist() {
        uploaded(root + "/errors/file.txt", randomBytes(10));
        user.get("/api/files/download_zip").assertError(400, "invalid_request");
        user.get("/api/files/download_zip?path=relative").assertError(400, "invalid_request");
        user.get("/api/files/download_zip?path=" + q(root + "/../x")).assertError(400, "invalid_request");
        user.get("/api/files/download_zip?path=" + q(root + "/no-such-folder")).assertError(404, "not_found");
        user.get("/api/files/download_zip?path=" + q(root + "/errors/file.txt")).assertError(409, "conflict");
        DriveClient.newUser()
                .get("/api/files/download_zip?path=" + q(root + "/errors"))
                .assertError(404, "not_found");
        DriveClient.anonymous()
                .get("/api/files/download_zip?path=" + q(root + "/errors"))
                .assertError(401, "unauthorized");
    }

    /** Every entry of the ZIP by name. The names are decoded as Latin-1 unless the entry says UTF-8 (flag bit 11). */
    private static Map<String, Read> read(byte[] zip) throws IOException {
        Map<String, Read> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.ISO_8859_1)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                assertThat(entries.put(
                                entry.getName(), new Read(bytes, entry.getCompressedSize(), entry.isDirectory())))
                        .as("entry %s twice", entry.getName())
                        .isNull();
            }
        }
        return entries;
    }

    private static void uploaded(String path, byte[] content) {
        Reply reply = user.upload(path, content);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }
}
