package drive.it;

import static org.assertj.core.api.Assertions.assertThat;

import drive.it.DriveClient.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metadata cache seen from outside, on one instance: every read path that the cache serves
 * (info, list, list_revisions), read again and again so that it is cached, shows each kind of
 * change at once; and the admin endpoint that clears a cache.
 */
class MetadataCacheHttpIT {

    private static DriveClient user;
    private static String root;

    @BeforeAll
    static void freshUser() {
        user = DriveClient.newUser();
        root = "/" + DriveClient.unique("cache");
    }

    private static long revision(Reply info) {
        assertThat(info.status()).as("%s", info).isEqualTo(200);
        return ((Number) info.json().get("revision")).longValue();
    }

    private static List<Object> names(String folder) {
        return user.list(folder).entries().stream().map(e -> e.get("name")).toList();
    }

    private static void uploaded(String path, String content) {
        Reply r = user.upload(path, content.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
    }

    @Test
    void cachedReadsShowEveryChangeAtOnce() {
        String file = root + "/reads/a.txt";
        uploaded(file, "one");
        for (int i = 0; i < 3; i++) { // cached after the first
            assertThat(revision(user.info(file))).isEqualTo(1);
            assertThat(names(root + "/reads")).containsExactly("a.txt");
            assertThat(user.revisions(file).jsonList()).hasSize(1);
        }

        uploaded(file, "two"); // through the block server's consumer
        assertThat(revision(user.info(file))).isEqualTo(2);
        assertThat(user.revisions(file).jsonList())
                .extracting(r -> r.get("revision"))
                .containsExactly(2L, 1L);
        assertThat(user.list(root + "/reads").entries().get(0)).containsEntry("revision", 2L);

        Reply restored = user.postJson("/api/files/restore", "{\"path\":\"" + file + "\",\"revision\":1}");
        assertThat(restored.status()).as("%s", restored).isEqualTo(200);
        assertThat(revision(user.info(file))).isEqualTo(3);
        assertThat(user.revisions(file).jsonList()).hasSize(3);

        user.postJson("/api/files/create_folder", "{\"path\":\"" + root + "/reads/sub\"}");
        assertThat(names(root + "/reads")).containsExactly("sub", "a.txt");

        user.postJson("/api/files/move", "{\"from\":\"" + file + "\",\"to\":\"" + root + "/reads/sub/b.txt\"}");
        user.info(file).assertError(404, "not_found");
        assertThat(names(root + "/reads")).containsExactly("sub");
        assertThat(names(root + "/reads/sub")).containsExactly("b.txt");
        assertThat(revision(user.info(root + "/reads/sub/b.txt"))).isEqualTo(3);

        user.postJson("/api/files/delete", "{\"path\":\"" + root + "/reads/sub\"}");
        user.info(root + "/reads/sub/b.txt").assertError(404, "not_found");
        assertThat(names(root + "/reads")).isEmpty();
    }

    @Test
    void anotherUsersChangesDoNotShowAndTheirCacheIsTheirs() {
        DriveClient other = DriveClient.newUser();
        uploaded(root + "/mine.txt", "mine");
        assertThat(other.upload(root + "/mine.txt", "theirs".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(201);
        assertThat(user.info(root + "/mine.txt").json()).containsEntry("size", 4L);
        assertThat(other.info(root + "/mine.txt").json()).containsEntry("size", 6L);
    }

    @Test
    void adminsClearACacheOthersMayNot() {
        Reply cleared = DriveClient.admin().send("POST", "/api/admin/caches/listings/clear", null);
        assertThat(cleared.status()).as("%s", cleared).isEqualTo(200);
        Map<String, Object> body = cleared.json();
        assertThat(body).containsEntry("cache", "listings").containsKey("entries");

        DriveClient.admin()
                .send("POST", "/api/admin/caches/nothing/clear", null)
                .assertError(404, "not_found");
        user.send("POST", "/api/admin/caches/listings/clear", null).assertError(403, "forbidden");
        DriveClient.anonymous()
                .send("POST", "/api/admin/caches/listings/clear", null)
                .assertError(401, "unauthorized");
    }

    @Test
    void readsAfterAClearStillAnswer() {
        uploaded(root + "/cleared.txt", "x");
        assertThat(revision(user.info(root + "/cleared.txt"))).isEqualTo(1);
        for (String cache : List.of("namespaces", "file-info", "listings", "revisions")) {
            assertThat(DriveClient.admin()
                            .send("POST", "/api/admin/caches/" + cache + "/clear", null)
                            .status())
                    .isEqualTo(200);
        }
        assertThat(revision(user.info(root + "/cleared.txt"))).isEqualTo(1);
    }
}
