package drive.messaging.control;

import drive.blocks.boundary.BlockJobs;
import drive.notifications.control.NotificationTrigger;
import drive.sync.control.ChangeNotifier;
import drive.sync.control.OfflineQueues;
import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.utils.critical.CriticalAnalyzerPolicy;

/**
 * Builds the embedded broker's settings in one place, so they can be checked without starting it:
 * persistent journal under the data directory, loopback-only acceptor, redelivery then dead-lettering,
 * the job queues, the change-notification topic, and the per-device offline queues as rings of {@code maxEvents}
 * (past that the oldest event goes). server-config/bin/artemis writes the same into an external broker's
 * {@code broker.xml}.
 */
final class BrokerConfiguration {

    static final String DEAD_LETTER_QUEUE = "DLQ";
    static final String EXPIRY_QUEUE = "ExpiryQueue";
    static final String LOOPBACK = "127.0.0.1";
    static final int MAX_DELIVERY_ATTEMPTS = 5;
    static final long REDELIVERY_DELAY_MS = 1_000;
    static final long MAX_REDELIVERY_DELAY_MS = 60_000;

    private BrokerConfiguration() {}

    static final int DEFAULT_OFFLINE_EVENTS = 1000;

    static Configuration create(Path dataDirectory, int port) {
        return create(dataDirectory, port, DEFAULT_OFFLINE_EVENTS);
    }

    static Configuration create(Path dataDirectory, int port, long maxEvents) {
        try {
            return new ConfigurationImpl()
                    .setName("drive")
                    .setPersistenceEnabled(true)
                    .setJournalType(JournalType.NIO)
                    .setJournalDirectory(dataDirectory.resolve("journal").toString())
                    .setBindingsDirectory(dataDirectory.resolve("bindings").toString())
                    .setLargeMessagesDirectory(
                            dataDirectory.resolve("large-messages").toString())
                    .setPagingDirectory(dataDirectory.resolve("paging").toString())
                    .setNodeManagerLockDirectory(dataDirectory.toString())
                    .setSecurityEnabled(false)
                    .setJMXManagementEnabled(false)
                    .setCriticalAnalyzerPolicy(CriticalAnalyzerPolicy.LOG)
                    .addAcceptorConfiguration("loopback", "tcp://" + LOOPBACK + ":" + port + "?protocols=CORE")
                    .addAddressSetting("#", addressSettings())
                    .addAddressSetting(OfflineQueues.PREFIX + "#", offlineQueueSettings(maxEvents))
                    .addQueueConfiguration(anycast(DEAD_LETTER_QUEUE))
                    .addQueueConfiguration(anycast(EXPIRY_QUEUE))
                    // declared, not auto-created: an auto-created queue is deleted once empty and
                    // without consumers, and a restarted broker then drops messages a prepared
                    // transaction held for it (AMQ222045)
                    .addQueueConfiguration(anycast(BlockJobs.QUEUE))
                    .addQueueConfiguration(anycast(NotificationTrigger.QUEUE))
                    .addAddressConfiguration(multicast(ChangeNotifier.TOPIC));
        } catch (Exception e) {
            throw new IllegalArgumentException("invalid broker acceptor on port " + port, e);
        }
    }

    private static AddressSettings addressSettings() {
        return new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_QUEUE))
                .setExpiryAddress(SimpleString.of(EXPIRY_QUEUE))
                .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                .setRedeliveryDelay(REDELIVERY_DELAY_MS)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(MAX_REDELIVERY_DELAY_MS)
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true);
    }

    /** Merged over {@code #}: each device's queue is a ring, and stays when empty (it is reused). */
    private static AddressSettings offlineQueueSettings(long maxEvents) {
        return new AddressSettings()
                .setDefaultRingSize(maxEvents)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false);
    }

    /** A publish-subscribe address (a JMS topic): each subscribing instance gets every message. */
    private static CoreAddressConfiguration multicast(String name) {
        return new CoreAddressConfiguration().setName(name).addRoutingType(RoutingType.MULTICAST);
    }

    private static QueueConfiguration anycast(String name) {
        return QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true);
    }
}
