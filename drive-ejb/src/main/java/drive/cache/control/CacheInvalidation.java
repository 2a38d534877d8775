package drive.cache.control;

import drive.sync.control.JournalTail;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Invalidates a namespace's cached metadata in step with the transaction that changes it. Every
 * change of a namespace's files is appended to its journal in its transaction, and the journal fires
 * one {@link JournalTail} per transaction and namespace, in the transaction: this observer invalidates
 * then (a member that does not answer fails the change) and again once the database has committed,
 * from an interposed synchronization whose {@code afterCompletion} runs before the commit returns to
 * the writer. See {@link MetadataCache} for why.
 */
@ApplicationScoped
public class CacheInvalidation {

    @Inject
    MetadataCache cache;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    void changing(@Observes JournalTail tail) {
        changing(Long.toString(tail.namespaceId()));
    }

    /**
     * Invalidates {@code scope} in the current transaction and again after its commit, as for a
     * namespace's journal: for changes that do not go through a journal (a device revoked).
     */
    public void changing(String scope) {
        cache.invalidate(scope);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                cache.invalidateCommitted(scope);
            }
        });
    }
}
