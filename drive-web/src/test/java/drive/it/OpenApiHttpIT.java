package drive.it;

import static org.assertj.core.api.Assertions.assertThat;

import drive.it.DriveClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at {@code /openapi} is public, is Drive's hand-written one, documents every
 * operation of the API, and nothing more: the documented operations are exactly {@link #EXISTING} (each
 * called here, harmlessly, to prove that it exists).
 */
class OpenApiHttpIT {

    /** A documented operation, and a harmless request to it that must reach it (not 404 or 405). */
    record Operation(String method, String path, Function<DriveClient, Reply> probe) {
        String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private static final String JSON = "application/json";
    private static final String NOT_A_HASH = "not-a-sha256";

    /** The operations of the API; each probe answers something other than 404 or 405. */
    static final List<Operation> EXISTING = List.of(
            op("GET", "/api/status", c -> c.get("/api/status")),
            op("GET", "/api/session", c -> c.get("/api/session")), // 401: Basic is no session
            op("POST", "/api/session", c -> c.postJson("/api/session", "{}")), // 400
            op("DELETE", "/api/session", c -> c.send("DELETE", "/api/session", null)), // 204
            op("POST", "/api/users", c -> c.postJson("/api/users", "{}")), // 400
            op("GET", "/api/users/me", c -> c.get("/api/users/me")),
            op("GET", "/api/devices", c -> c.get("/api/devices")),
            op("POST", "/api/devices", c -> c.postJson("/api/devices", "{}")), // 400
            op("DELETE", "/api/devices/{id}", OpenApiHttpIT::registerAndRevokeDevice), // 204
            // 403 for a user who is no admin: the probe must not rotate the master key
            op("POST", "/api/admin/keys/rotate", c -> DriveClient.newUser()
                    .send("POST", "/api/admin/keys/rotate", null)),
            op("POST", "/api/admin/caches/{name}/clear", c -> c.send("POST", "/api/admin/caches/listings/clear", null)),
            op("POST", "/api/files/upload", c -> c.send("POST", "/api/files/upload?uploadType=none", new byte[0])),
            op("PUT", "/api/files/upload", c -> c.send("PUT", "/api/files/upload", new byte[0])), // 416
            op("DELETE", "/api/files/upload", c -> c.send("DELETE", "/api/files/upload", null)), // 400
            op("GET", "/api/files/list", c -> c.list("/")),
            op("GET", "/api/files/info", c -> c.info("/")), // 400: the root is no file
            op("GET", "/api/files/list_revisions", c -> c.revisions("/")), // 400
            op("GET", "/api/files/download", c -> c.download("/")), // 400
            op("GET", "/api/files/download_zip", c -> c.get("/api/files/download_zip")), // 400
            op("POST", "/api/files/commit", c -> c.postJson("/api/files/commit", "{}")), // 400
            op("GET", "/api/files/blocks", c -> c.get("/api/files/blocks?path=/")), // 400
            op("POST", "/api/files/restore", c -> c.postJson("/api/files/restore", "{}")), // 400
            op("PUT", "/api/blocks/{sha256}", c -> c.send("PUT", "/api/blocks/" + NOT_A_HASH, new byte[1])), // 400
            op("GET", "/api/blocks/{sha256}", c -> c.get("/api/blocks/" + NOT_A_HASH)), // 400
            op("POST", "/api/files/create_folder", c -> c.postJson("/api/files/create_folder", "{}")), // 400
            op("POST", "/api/files/move", c -> c.postJson("/api/files/move", "{}")), // 400
            op("POST", "/api/files/copy", c -> c.postJson("/api/files/copy", "{}")), // 400
            op("POST", "/api/files/delete", c -> c.postJson("/api/files/delete", "{}")), // 400
            op("GET", "/api/files/list_deleted", c -> c.get("/api/files/list_deleted?path=/")), // 200
            op("POST", "/api/files/undelete", c -> c.postJson("/api/files/undelete", "{}")), // 400
            op("GET", "/api/changes/latest_cursor", c -> c.get("/api/changes/latest_cursor")), // 200
            op("GET", "/api/changes", c -> c.get("/api/changes?cursor=x")), // 400
            op("GET", "/api/changes/longpoll", c -> c.get("/api/changes/longpoll?cursor=x")), // 400
            op("GET", "/api/devices/me/events", c -> c.get("/api/devices/me/events")), // 400: Basic is no device
            op("POST", "/api/shares", c -> c.postJson("/api/shares", "{}")), // 400
            op("GET", "/api/shares", c -> c.get("/api/shares")), // 400: path required
            op("GET", "/api/shares/incoming", c -> c.get("/api/shares/incoming")), // 200
            op(
                    "PUT",
                    "/api/shares/{id}",
                    c -> c.send("PUT", "/api/shares/x", "{}".getBytes(), "Content-Type", JSON)), // 400
            op("DELETE", "/api/shares/{id}", c -> c.send("DELETE", "/api/shares/x", null)), // 400
            op("POST", "/api/shares/{id}/mount", c -> c.postJson("/api/shares/x/mount", "")), // 400
            op("DELETE", "/api/shares/{id}/mount", c -> c.send("DELETE", "/api/shares/x/mount", null)), // 400
            op("POST", "/api/shares/transfer", c -> c.postJson("/api/shares/transfer", "{}")), // 400
            op("POST", "/api/links", c -> c.postJson("/api/links", "{}")), // 400
            op("GET", "/api/links", c -> c.get("/api/links")), // 400: path required
            op("DELETE", "/api/links/{id}", c -> c.send("DELETE", "/api/links/x", null)), // 400
            op("GET", "/api/public/links/{token}", c -> c.get("/api/public/links/" + linkToken(c))), // 200
            op(
                    "GET",
                    "/api/public/links/{token}/list",
                    c -> c.get("/api/public/links/" + linkToken(c) + "/list")), // 409
            op(
                    "GET",
                    "/api/public/links/{token}/download",
                    c -> c.get("/api/public/links/" + linkToken(c) + "/download")),
            op(
                    "GET",
                    "/api/public/links/{token}/download_zip",
                    c -> c.get("/api/public/links/" + linkToken(c) + "/download_zip")), // 409: a file link
            op(
                    "POST",
                    "/api/public/links/{token}/ticket",
                    c -> c.send("POST", "/api/public/links/" + linkToken(c) + "/ticket", null)), // 409: no password
            op("GET", "/api/notifications", c -> c.get("/api/notifications")), // 200
            op("GET", "/api/notifications/unread_count", c -> c.get("/api/notifications/unread_count")), // 200
            op("POST", "/api/notifications/{id}/read", c -> c.postJson("/api/notifications/x/read", "")), // 400
            op("POST", "/api/notifications/read_all", c -> c.postJson("/api/notifications/read_all", "")), // 200
            op("GET", "/api/notifications/preferences", c -> c.get("/api/notifications/preferences")), // 200
            op(
                    "PUT",
                    "/api/notifications/preferences",
                    c -> c.send(
                            "PUT", "/api/notifications/preferences", "{}".getBytes(), "Content-Type", JSON))); // 200

    /** A share link to a small file of the client's, made for probing the public link endpoints. */
    private static String linkToken(DriveClient client) {
        String path = "/" + DriveClient.unique("openapi-link") + ".txt";
        client.upload(path, new byte[] {1, 2, 3});
        return (String)
                client.postJson("/api/links", Json.object("path", path)).json().get("token");
    }

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> OPENAPI_FIELDS =
            Set.of("openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs");

    private static Map<String, Object> document;

    @BeforeAll
    static void fetch() {
        Reply reply = DriveClient.anonymous().get("/openapi", "Accept", JSON);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.header("Content-Type").orElse("")).as("%s", reply).startsWith(JSON);
        document = reply.json();
    }

    @Test
    void isThePublicHandWrittenOpenApi3DocumentOfDrive() {
        assertThat((String) document.get("openapi")).startsWith("3.");
        assertThat(map(document, "info")).containsEntry("title", "Drive");
        assertThat((String) map(document, "info").get("description")).contains("latestRevision", "X-CSRF-Token");
        assertThat(document.get("servers"))
                .isEqualTo(List.of(Map.of("url", "/", "description", "the Drive that serves this document")));
        assertThat(document.keySet())
                .as("top-level fields (Payara's own 'endpoints' is no OpenAPI field)")
                .allMatch(field -> OPENAPI_FIELDS.contains(field) || field.startsWith("x-"));
        assertThat(map(map(document, "components"), "securitySchemes"))
                .containsKeys("basic", "bearer", "session", "csrf");
    }

    @Test
    void yamlIsTheDefault() {
        Reply reply = DriveClient.anonymous().get("/openapi");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.text()).contains("title: Drive");
    }

    @Test
    void documentsExactlyTheKnownOperations() {
        Set<String> expected = new TreeSet<>();
        EXISTING.forEach(op -> expected.add(op.key()));
        assertThat(documentedOperations()).isEqualTo(expected);
    }

    @Test
    void everyOperationHasSummaryAndResponses() {
        operations().forEach(entry -> {
            Map<String, Object> op = entry.getValue();
            assertThat((String) op.get("summary"))
                    .as("summary of %s", entry.getKey())
                    .isNotBlank();
            assertThat(map(op, "responses"))
                    .as("responses of %s", entry.getKey())
                    .isNotEmpty();
        });
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            Object target = document;
            for (String part : ref.substring(2).split("/")) {
                assertThat(target).as(ref).isInstanceOf(Map.class);
                target = ((Map<?, ?>) target).get(part);
            }
            assertThat(target).as(ref).isNotNull();
        }
    }

    @Test
    void everyDocumentedOperationExists() {
        DriveClient admin = DriveClient.admin();
        List<String> missing = new ArrayList<>();
        for (Operation op : EXISTING) {
            Reply reply = op.probe().apply(admin);
            if (reply.status() == 404 || reply.status() == 405) {
                missing.add(op + ": " + reply);
            }
        }
        assertThat(missing).as("documented operations that Drive does not have").isEmpty();
    }

    private static Reply registerAndRevokeDevice(DriveClient client) {
        Reply device = client.postJson("/api/devices", Json.object("name", "openapi-probe"));
        assertThat(device.status()).as("%s", device).isEqualTo(201);
        return client.send("DELETE", "/api/devices/" + device.json().get("id"), null);
    }

    private static Set<String> documentedOperations() {
        Set<String> result = new TreeSet<>();
        operations().forEach(entry -> result.add(entry.getKey()));
        return result;
    }

    /** Every operation as "METHOD /path" and its object. */
    private static Stream<Map.Entry<String, Map<String, Object>>> operations() {
        return map(document, "paths").entrySet().stream()
                .flatMap(path -> map(document, "paths", path.getKey()).entrySet().stream()
                        .filter(method -> METHODS.contains(method.getKey()))
                        .map(method -> Map.entry(
                                method.getKey().toUpperCase() + " " + path.getKey(),
                                map(map(document, "paths", path.getKey()), method.getKey()))));
    }

    private static void collectRefs(Object node, List<String> into) {
        if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    into.add((String) value);
                } else {
                    collectRefs(value, into);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, into));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> object, String... keys) {
        Map<String, Object> current = object;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
            assertThat(current).as("'%s' in the document", key).isNotNull();
        }
        return current;
    }

    private static Operation op(String method, String path, Function<DriveClient, Reply> probe) {
        return new Operation(method, path, probe);
    }
}
