package drive.blocks.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;

/**
 * Runs a {@link BlockIngest} as an EJB invocation of its own, in one transaction as a block job's
 * consumer does: on a thread of {@link EarlyIngests}, which serves no request, the ingest's queries
 * need an invocation and a persistence context that belong to that thread.
 */
@Stateless
public class IngestInvocation {

    @Inject
    BlockIngest ingest;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Content ingest(long namespaceId, InputStream in) {
        return ingest.ingest(namespaceId, in, Long.MAX_VALUE);
    }
}
