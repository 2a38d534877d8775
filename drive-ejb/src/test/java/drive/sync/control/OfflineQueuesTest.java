package drive.sync.control;

import static org.assertj.core.api.Assertions.assertThat;

import drive.sync.entity.ChangeEntry;
import drive.sync.entity.ChangeKind;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class OfflineQueuesTest {

    @Test
    void eachDeviceHasItsOwnQueueUnderThePrefixTheBrokerBounds() {
        assertThat(OfflineQueues.queueOf(42)).isEqualTo("drive.device.42").startsWith(OfflineQueues.PREFIX);
    }

    @Test
    void anEventCarriesWhatTheJournalShowsAndItsPlaceInIt() {
        ChangeEntry entry = new ChangeEntry(7, ChangeKind.UPLOADED, "/a.txt", null, false, 3L, 12L, "ab".repeat(32))
                .by("alice", 5L, "laptop")
                .number(11);

        JsonObject event = OfflineQueues.event(entry).build();

        assertThat(event.getJsonNumber("namespace").longValue()).isEqualTo(7);
        assertThat(event.getJsonNumber("seq").longValue()).isEqualTo(11);
        assertThat(event.getString("kind")).isEqualTo("uploaded");
        assertThat(event.getString("path")).isEqualTo("/a.txt");
        assertThat(event.getJsonNumber("revision").longValue()).isEqualTo(3);
        assertThat(event.getString("device")).isEqualTo("laptop");
        assertThat(event.containsKey("previousPath")).isFalse();
    }
}
