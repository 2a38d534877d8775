package drive.messaging.ra;

import jakarta.transaction.TransactionManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.apache.activemq.artemis.service.extensions.transactions.TransactionManagerLocator;

/**
 * Hands Payara's JTA transaction manager to the Artemis adapter, which otherwise cannot tell a JTA
 * transaction is active and would send outside it.
 */
public class PayaraTransactionManagerLocator implements TransactionManagerLocator {

    static final String JNDI_NAME = "java:appserver/TransactionManager";

    @Override
    public TransactionManager getTransactionManager() {
        try {
            return (TransactionManager) new InitialContext().lookup(JNDI_NAME);
        } catch (NamingException e) {
            return null;
        }
    }
}
