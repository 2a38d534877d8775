package drive.notifications.boundary;

import drive.notifications.control.NotificationTrigger;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Writes the notifications a committed change calls for ({@link Notifications#deliver}), in the
 * message's transaction: a failure rethrows, so the broker redelivers (and finally dead-letters)
 * the message rather than losing it.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = NotificationTrigger.QUEUE),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
        })
public class NotificationConsumer implements MessageListener {

    @EJB
    Notifications notifications;

    @Override
    public void onMessage(Message message) {
        try {
            notifications.deliver(((TextMessage) message).getText());
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable notification message", e);
        }
    }
}
