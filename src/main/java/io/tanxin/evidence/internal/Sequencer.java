package io.tanxin.evidence.internal;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns committed pending entries into leaves: under the sequencer row lock it gives them the next
 * indices in id order and commits, and only then adds their hashes to the in-memory tree. An entry
 * whose transaction has not committed yet is invisible here and simply waits for the next round.
 */
@Component
public class Sequencer {

    private static final int BATCH = 50_000;

    private final LeafStore leaves;
    private final LogTree tree;
    private final TransactionTemplate ownTransaction;
    // one round at a time in this JVM, so the tree is extended in the order indices were given
    private final ReentrantLock round = new ReentrantLock();
    private final RecentAssignments recent = new RecentAssignments(4096);

    Sequencer(LeafStore leaves, LogTree tree, PlatformTransactionManager transactions) {
        this.leaves = leaves;
        this.tree = tree;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Sequences everything committed so far; returns how many leaves it added. */
    public long sequence() {
        round.lock();
        try {
            long added = 0;
            while (true) {
                Round done = ownTransaction.execute(status -> {
                    long next = leaves.lockNextIndex();
                    List<LeafStore.Pending> pending = leaves.pending(BATCH);
                    if (!pending.isEmpty()) {
                        leaves.assign(pending, next);
                    }
                    return new Round(next, pending.stream().map(LeafStore.Pending::leafHash).toList(),
                            pending.stream().mapToLong(LeafStore.Pending::id).toArray());
                });
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
