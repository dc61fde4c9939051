package io.tanxin.evidence.internal;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import io.tanxin.shared.Database;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns committed pending entries into leaves: under the sequencer row lock it gives them the next
 * indices in id order and commits, and only then adds their hashes to the in-memory tree. On
 * PostgreSQL the database does a round in one call ({@link LeafStore#sequenceInDatabase}). An entry
 * whose transaction has not committed yet is invisible here and simply waits for the next round.
 */
@Component
public class Sequencer {

    private static final int BATCH = 50_000;

    private final LeafStore leaves;
    private final LogTree tree;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate noTransaction;
    private final boolean inDatabase;
    // one round at a time in this JVM, so the tree is extended in the order indices were given
    private final ReentrantLock round = new ReentrantLock();
    private final RecentAssignments recent = new RecentAssignments(4096);

    Sequencer(LeafStore leaves, LogTree tree, PlatformTransactionManager transactions, Database database) {
        this.leaves = leaves;
        this.tree = tree;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // the database function commits as it returns: a caller's transaction is set aside, not joined
        this.noTransaction = new TransactionTemplate(transactions);
        this.noTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.inDatabase = database.postgres();
    }

    /** Sequences everything committed so far; returns how many leaves it added. */
    public long sequence() {
        round.lock();
        try {
            long added = 0;
            while (true) {
                LeafStore.Sequenced sequenced = inDatabase
                        ? noTransaction.execute(status -> leaves.sequenceInDatabase(BATCH))
                        : ownTransaction.execute(status -> {
                            long next = leaves.lockNextIndex();
                            List<LeafStore.Pending> pending = leaves.pending(BATCH);
                            if (!pending.isEmpty()) {
                                leaves.assign(pending, next);
                            }
                            return new LeafStore.Sequenced(next, pending);
                        });
                Round done = new Round(sequenced.firstIndex(), sequenced.entries().stream()
                        .map(LeafStore.Pending::leafHash).toList(),
                        sequenced.entries().stream().mapToLong(LeafStore.Pending::id).toArray());
                recent.remember(done.entryIds(), done.firstIndex());
                tree.extend(done.firstIndex(), done.leafHashes());
                added += done.leafHashes().size();
                if (done.leafHashes().size() < BATCH) {
                    return added;
                }
            }
        } finally {
            round.unlock();
        }
    }

    /**
     * The leaf index this JVM gave an entry in one of its recent rounds, without asking the
     * database; empty if it was not among them (another instance, or long ago).
     */
    public java.util.OptionalLong recentIndexOf(long entryId) {
        return recent.indexOf(entryId);
    }

    private record Round(long firstIndex, List<byte[]> leafHashes, long[] entryIds) {
    }
}
