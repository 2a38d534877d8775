package drive.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;

class BrokerConfigurationTest {

    final Path dir = Path.of("/srv/drive/artemis");
    final Configuration cut = BrokerConfiguration.create(dir, 61717);

    @Test
    void journalIsPersistentUnderTheDataDirectory() {
        assertThat(cut.isPersistenceEnabled()).isTrue();
        assertThat(cut.getJournalDirectory()).isEqualTo("/srv/drive/artemis/journal");
        assertThat(cut.getBindingsDirectory()).startsWith("/srv/drive/artemis/");
        assertThat(cut.getPagingDirectory()).startsWith("/srv/drive/artemis/");
        assertThat(cut.getLargeMessagesDirectory()).startsWith("/srv/drive/artemis/");
    }

    @Test
    void acceptsOnlyOnLoopback() {
        assertThat(cut.getAcceptorConfigurations()).singleElement().satisfies(acceptor -> {
            assertThat(acceptor.getParams()).containsEntry("host", "127.0.0.1");
            assertThat(acceptor.getParams()).containsEntry("port", "61717");
        });
    }

    @Test
    void failedMessagesAreRedeliveredThenDeadLettered() {
        AddressSettings all = cut.getAddressSettings().get("#");
        assertThat(all.getDeadLetterAddress().toString()).isEqualTo("DLQ");
        assertThat(all.getMaxDeliveryAttempts()).isEqualTo(5);
        assertThat(all.getRedeliveryDelay()).isPositive();
        assertThat(cut.getQueueConfigs())
                .anySatisfy(q -> assertThat(q.getName().toString()).isEqualTo("DLQ"));
    }

    @Test
    void jobQueuesAreDeclaredDurableLikeTheExternalBrokers() {
        // as server-config/bin/artemis declares them: an auto-created queue could be deleted while empty
        assertThat(cut.getQueueConfigs())
                .filteredOn(q -> q.getName().toString().startsWith("drive."))
                .extracting(q -> q.getName().toString())
                .containsExactlyInAnyOrder("drive.blocks", "drive.notifications");
        assertThat(cut.getQueueConfigs())
                .allSatisfy(q -> assertThat(q.isDurable()).isTrue());
    }

    @Test
    void offlineQueuesAreBoundedRingsThatInheritDeadLettering() {
        Configuration bounded = BrokerConfiguration.create(dir, 61717, 250);
        AddressSettings devices = bounded.getAddressSettings().get("drive.device.#");
        assertThat(devices.getDefaultRingSize()).isEqualTo(250);
        assertThat(devices.isAutoDeleteQueues()).isFalse();
        assertThat((Object) devices.getDeadLetterAddress()).isNull(); // merged from "#" by the broker
        assertThat(cut.getAddressSettings().get("drive.device.#").getDefaultRingSize())
                .isEqualTo(1000);
    }
}
