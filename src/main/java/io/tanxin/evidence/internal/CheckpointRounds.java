package io.tanxin.evidence.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.tanxin.evidence.SignedCheckpoint;
import org.springframework.stereotype.Component;

/**
 * Group commit of sequencing and signing: callers whose entries have committed wait for one round
 * (sequence everything committed and sign a checkpoint of the tree, in one transaction) that
 * started after their commit, and every caller waiting for that round shares its checkpoint. Under
 * load this turns one sequencing transaction and one signature per caller into one per round,
 * while each caller still gets a checkpoint that covers its own leaf.
 */
@Component
public class CheckpointRounds {

    private final Sequencer sequencer;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roundOver = lock.newCondition();
    // rounds started and finished in this JVM; only a round started after a caller arrived is sure to see its commit
    private long started;
    private long finished;
    private boolean running;
    private SignedCheckpoint newest;

    CheckpointRounds(Sequencer sequencer) {
        this.sequencer = sequencer;
    }

    /**
     * A checkpoint whose tree includes every entry that had committed before this call. Blocks until
     * a round that started after the call has finished, running that round itself if no other
     * caller is running one.
     */
    public SignedCheckpoint afterCommitted() {
        lock.lock();
        try {
            // a round already running may have read the pending entries before the caller's committed
            long needed = started + 1;
            while (finished < needed) {
                if (running) {
                    roundOver.awaitUninterruptibly();
                    continue;
                }
                running = true;
                long round = ++started;
                SignedCheckpoint signed = null;
                // the database work runs unlocked, so that newcomers can queue up for the next round meanwhile
                lock.unlock();
                try {
                    signed = sequencer.sequenceAndSign();
                } finally {
                    lock.lock();
                    running = false;
                    if (signed != null) {
                        finished = round;
                        if (newest == null || signed.treeSize() >= newest.treeSize()) {
                            newest = signed;
                        }
                    }
                    // on failure the waiters find no round running and one of them tries again
                    roundOver.signalAll();
                }
            }
            return newest;
        } finally {
            lock.unlock();
        }
    }
}
