package drive.blocks.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import drive.platform.control.DriveException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BlockJobConsumerTest {

    @Test
    void usersSeeDrivesOwnMessagesAsTheyAre() {
        assertThat(BlockJobConsumer.reasonForUsers(
                        new DriveException(DriveException.Kind.UNAVAILABLE, "the block store is unavailable"), "id-1"))
                .isEqualTo("the block store is unavailable");
        assertThat(BlockJobConsumer.reasonForUsers(new IllegalStateException("content no longer matches"), "id-1"))
                .isEqualTo("content no longer matches");
        assertThat(BlockJobConsumer.reasonForUsers(
                        new jakarta.ejb.EJBException(new IllegalStateException("content no longer matches")), "id-1"))
                .as("found inside the EJBException the container wraps it in")
                .isEqualTo("content no longer matches");
    }

    @Test
    void onlyABlockStoreOutageIsWaitedOutInsteadOfUsingUpRedeliveries() {
        DriveException outage = new DriveException(DriveException.Kind.UNAVAILABLE, "the block store is unavailable");
        assertThat(BlockJobConsumer.storeUnavailable(outage)).isTrue();
        assertThat(BlockJobConsumer.storeUnavailable(new jakarta.ejb.EJBException(outage)))
                .isTrue();
        assertThat(BlockJobConsumer.storeUnavailable(new IllegalStateException("content no longer matches")))
                .isFalse();
        assertThat(BlockJobConsumer.storeUnavailable(DriveException.invalid("bad")))
                .isFalse();
        assertThat(BlockJobConsumer.storeUnavailable(new IOException("disk full")))
                .isFalse();
    }

    @Test
    void usersNeverSeeServerPathsFromOtherFailures() {
        String reason = BlockJobConsumer.reasonForUsers(
                new IOException("/srv/drive-data/staging/jobs/abc: No space left on device"), "id-2");
        assertThat(reason).doesNotContain("/srv").contains("IOException", "id-2");
    }
}
