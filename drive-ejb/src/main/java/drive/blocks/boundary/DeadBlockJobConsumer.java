package drive.blocks.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;

/**
 * Receives upload jobs the broker dead-lettered after its redeliveries and marks them failed, so
 * the user sees the upload failed (with the last error) instead of a file pending forever.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = "DLQ"),
            @ActivationConfigProperty(
                    propertyName = "messageSelector",
                    propertyValue = BlockJobs.KIND_PROPERTY + " = '" + BlockJobs.KIND + "'"),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
        })
public class DeadBlockJobConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeadBlockJobConsumer.class.getName());

    @EJB
    BlockJobs jobs;

    @Override
    public void onMessage(Message message) {
        String id = JobMessage.jobId(message);
        LOG.warning(() -> "upload job " + id + " was dead-lettered; marking the upload failed");
        jobs.giveUp(id);
    }
}
