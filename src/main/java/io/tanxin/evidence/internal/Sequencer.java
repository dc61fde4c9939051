package io.tanxin.evidence.internal;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;

import io.tanxin.evidence.SignedCheckpoint;
import io.tanxin.evidence.merkle.MerkleFrontier;
import io.tanxin.shared.Database;
import org.springframework.stereotype.Component;
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
    private final Checkpoints checkpoints;
    private final TransactionTemplate ownTransaction;
    // one round at a time in this JVM, so the tree is extended in the order indices were given
    private final ReentrantLock round = new ReentrantLock();
    private final RecentAssignments recent = new RecentAssignments(4096);

    Sequencer(SequencingConnections connections, Database database, LogTree tree, Checkpoints checkpoints) {
        // the round's statements on its own connections, never queued behind the requests' (SequencingConnections)
        this.leaves = new LeafStore(connections.jdbc(), database);
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.ownTransaction = connections.transaction();
    }

    /** Sequences everything committed so far; returns how many leaves it added. */
    public long sequence() {
        return run(false).added();
    }

    /**
     * Sequences everything committed so far and returns a signed checkpoint of the tree as the round
     * leaves it. The checkpoint is signed before the round commits, from the tree's right edge
     * extended with the round's leaves, and stored with the round's indices in one statement.
     */
    SignedCheckpoint sequenceAndSign() {
        return run(true).checkpoint();
    }

    private Outcome run(boolean sign) {
        round.lock();
        try {
            long added = 0;
            while (true) {
                Round done = ownTransaction.execute(status -> {
                    long next = leaves.lockNextIndex();
                    List<LeafStore.Pending> pending = leaves.pending(BATCH);
                    Signing signing = sign && pending.size() < BATCH ? signing(next, pending) : Signing.NONE;
                    leaves.assign(pending, next, signing.fresh() ? signing.checkpoint() : null);
                    return new Round(next, pending.stream().map(LeafStore.Pending::leafHash).toList(),
                            pending.stream().mapToLong(LeafStore.Pending::id).toArray(), signing.checkpoint());
                });
                recent.remember(done.entryIds(), done.firstIndex());
                tree.extend(done.firstIndex(), done.leafHashes());
                added += done.leafHashes().size();
                if (done.leafHashes().size() < BATCH) {
                    SignedCheckpoint signed = done.checkpoint();
                    if (signed != null) {
                        checkpoints.published(signed);
                    } else if (sign) {
                        // the tree had to catch up first, now done: sign it as it stands
                        signed = checkpoints.ofTree();
                    }
                    return new Outcome(added, signed);
                }
            }
        } finally {
            round.unlock();
        }
    }

    /**
     * The checkpoint of the tree this round's commit makes: one signed already, or a new one for the
     * round to store; none when this JVM's tree does not end where the round starts (another
     * instance sequenced since it last caught up).
     */
    private Signing signing(long next, List<LeafStore.Pending> pending) {
        MerkleFrontier edge = tree.read(t -> t.size() == next ? t.frontier() : null);
        if (edge == null) {
            return Signing.NONE;
        }
        long size = next + pending.size();
        Optional<SignedCheckpoint> known = checkpoints.newestKnown();
        if (known.isPresent() && known.get().treeSize() >= size) {
            return new Signing(known.get(), false);
        }
        pending.forEach(p -> edge.append(p.leafHash()));
        return new Signing(checkpoints.sign(size, edge.root()), true);
    }

    private record Signing(SignedCheckpoint checkpoint, boolean fresh) {
        static final Signing NONE = new Signing(null, false);
    }

    /**
     * The leaf index this JVM gave an entry in one of its recent rounds, without asking the
     * database; empty if it was not among them (another instance, or long ago).
     */
    public OptionalLong recentIndexOf(long entryId) {
        return recent.indexOf(entryId);
    }

    private record Round(long firstIndex, List<byte[]> leafHashes, long[] entryIds, SignedCheckpoint checkpoint) {
    }

    private record Outcome(long added, SignedCheckpoint checkpoint) {
    }
}
