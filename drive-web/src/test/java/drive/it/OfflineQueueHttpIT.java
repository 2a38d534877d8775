package drive.it;

import static drive.it.DriveClient.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import drive.it.DriveClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The offline backup queue (issue 5, part 4): what other devices of the user changed while a device
 * was away waits for it, in order, and is handed over once ({@code GET /api/devices/me/events}).
 */
class OfflineQueueHttpIT {

    private static DriveClient device(DriveClient user, String name) {
        Reply registered = user.postJson("/api/devices", Json.object("name", name, "kind", "test"));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        return DriveClient.bearer((String) registered.json().get("token"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeviceAwayDuringTenChangesGetsAllTenInOrderAndOnlyOnce() {
        DriveClient user = DriveClient.newUser();
        DriveClient laptop = device(user, "laptop");
        DriveClient phone = device(user, "phone");
        String root = "/" + DriveClient.unique("offline");

        for (int i = 0; i < 10; i++) {
            assertThat(laptop.upload(root + "/file-" + i + ".bin", randomBytes(1000))
                            .status())
                    .isEqualTo(201);
        }

        Reply missed = phone.get("/api/devices/me/events?limit=1000");
        assertThat(missed.status()).as("%s", missed).isEqualTo(200);
        List<Map<String, Object>> events =
                (List<Map<String, Object>>) missed.json().get("events");
        List<String> uploaded = events.stream()
                .filter(e -> "uploaded".equals(e.get("kind")))
                .map(e -> (String) e.get("path"))
                .toList();
        assertThat(uploaded)
                .containsExactly(java.util.stream.IntStream.range(0, 10)
                        .mapToObj(i -> root + "/file-" + i + ".bin")
                        .toArray(String[]::new));
        List<Long> seqs = events.stream().map(e -> (Long) e.get("seq")).toList();
        assertThat(seqs).isSorted();
        assertThat(missed.json()).containsEntry("hasMore", false);

        Reply again = phone.get("/api/devices/me/events");
        assertThat((List<Object>) again.json().get("events")).as("taken once").isEmpty();
        Reply own = laptop.get("/api/devices/me/events");
        assertThat((List<Object>) own.json().get("events"))
                .as("a device's own changes are not queued for it")
                .isEmpty();
        user.get("/api/devices/me/events").assertError(400, "invalid_request");
        phone.get("/api/devices/me/events?limit=0").assertError(400, "invalid_request");
    }
}
