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

    @Test
    void aSharedFolderInTheRecipientsDriveDownloadsAsAZipUntilRevoked() throws IOException {
        DriveClient owner = DriveClient.newUser();
        DriveClient recipient = DriveClient.newUser();
        String folder = "/" + DriveClient.unique("zip-shared");
        byte[] plan = randomBytes(3000);
        byte[] deep = randomBytes(200_000);
        assertThat(owner.upload(folder + "/plan.bin", plan).status()).isEqualTo(201);
        assertThat(owner.upload(folder + "/sub/deep.bin", deep).status()).isEqualTo(201);
        assertThat(owner.upload("/outside-" + folder.substring(1) + ".bin", plan)
                        .status())
                .isEqualTo(201);
        Reply shared = owner.postJson(
                "/api/shares", Json.object("path", folder, "user", recipient.username, "role", "viewer"));
        assertThat(shared.status()).as("%s", shared).isEqualTo(201);
        long id = (Long) shared.json().get("id");
        recipient.get("/api/files/download_zip?path=" + q(folder)).assertError(404, "not_found"); // not added yet
        Reply mounted = recipient.postJson("/api/shares/" + id + "/mount", Json.object("name", "From a colleague"));
        assertThat(mounted.status()).as("%s", mounted).isEqualTo(200);

        Reply zip = recipient.get("/api/files/download_zip?path=" + q("/From a colleague"));

        assertThat(zip.status()).as("%s", zip).isEqualTo(200);
        assertThat(zip.header("Content-Disposition").orElse("")).contains("filename=\"From a colleague.zip\"");
        Map<String, Read> entries = read(zip.body());
        assertThat(entries.keySet())
                .containsExactlyInAnyOrder(
                        "From a colleague/",
                        "From a colleague/plan.bin",
                        "From a colleague/sub/",
                        "From a colleague/sub/deep.bin");
        assertThat(entries.get("From a colleague/plan.bin").bytes()).isEqualTo(plan);
        assertThat(sha256(entries.get("From a colleague/sub/deep.bin").bytes())).isEqualTo(sha256(deep));
        Reply sub = recipient.get("/api/files/download_zip?path=" + q("/From a colleague/sub"));
        assertThat(read(sub.body()).keySet()).containsExactlyInAnyOrder("sub/", "sub/deep.bin");
        // errors name the recipient's paths, not the owner's
        recipient
                .get("/api/files/download_zip?path=" + q("/From a colleague/plan.bin"))
                .assertError(409, "conflict")
                .assertMessageNames("/From a colleague/plan.bin", folder);
        recipient
                .get("/api/files/list?path=" + q("/From a colleague/sub/nothing"))
                .assertError(404, "not_found")
                .assertMessageNames("/From a colleague/sub/nothing", folder);

        assertThat(owner.send("DELETE", "/api/shares/" + id, null).status()).isEqualTo(204);
        recipient.get("/api/files/download_zip?path=" + q("/From a colleague")).assertError(404, "not_found");
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
