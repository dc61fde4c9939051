package io.tanxin.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tanxin.evidence.EvidenceData;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.evidence.SignedCheckpoint;
import io.tanxin.evidence.merkle.MerkleTree;
import io.tanxin.evidence.note.Ed25519Keys;
import io.tanxin.evidence.note.SignedNote;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sequencing rounds against appends committing and rolling back meanwhile, and against a second
 * sequencer taking the same steps in its own transactions, as another instance would, beside this
 * instance's rounds: every committed entry gets one index, in id order, and the log has no gaps;
 * every sealed entry gets a checkpoint that holds it.
 */
@IntegrationTest
class ConcurrentSequencingTest {

    @Autowired
    EvidenceLog evidence;

    @Autowired
    LeafStore leaves;

    @Autowired
    LogTree tree;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void concurrentRoundsGiveEveryCommittedEntryOneIndexInIdOrderWithoutGaps() throws Exception {
        long start = leaves.committedSize();
        String run = UUID.randomUUID().toString();
        AtomicBoolean appending = new AtomicBoolean(true);
        List<Long> committed = Collections.synchronizedList(new ArrayList<>());
        List<Round> otherInstance = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> appenders = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                appenders.add(pool.submit(() -> {
                    for (int n = 0; n < 40; n++) {
                        int i = n;
                        boolean rollBack = i % 7 == 3;
                        List<Long> ids = new ArrayList<>();
                        new TransactionTemplate(transactions).executeWithoutResult(s -> {
                            for (int k = 0; k < 1 + i % 3; k++) {
                                String ref = "seq:" + run + ":" + thread + ":" + i + ":" + k;
                                ids.add(evidence.append("test_log", ref,
                                        EvidenceData.of("test_log").put("ref", ref).toBytes()));
                            }
                            if (rollBack) {
                                s.setRollbackOnly();
                            }
                        });
                        if (!rollBack) {
                            committed.addAll(ids);
                        }
                    }
                }));
            }
            Future<?> other = pool.submit(() -> {
                while (appending.get()) {
                    otherInstance.add(otherInstanceRound(4));
                }
            });
            Future<?> ours = pool.submit(() -> {
                while (appending.get()) {
                    evidence.sequence();
                }
            });
            for (Future<?> f : appenders) {
                f.get(2, TimeUnit.MINUTES);
            }
            appending.set(false);
            other.get(1, TimeUnit.MINUTES);
            ours.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        evidence.sequence();

        long end = leaves.committedSize();
        // every index in [start, end) taken exactly once, and nothing beyond
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT leaf_index) FROM evidence_leaf WHERE leaf_index >= ?",
                Long.class, start)).isEqualTo(end - start);
        assertThat(jdbc.queryForObject("SELECT MAX(leaf_index) FROM evidence_leaf", Long.class)).isEqualTo(end - 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_leaf WHERE leaf_index IS NULL", Long.class))
                .isZero();
        // every committed entry got an index; the rolled-back ones left nothing
        for (long id : committed) {
            assertThat(leaves.leafIndexOf(id)).as("entry %d", id).isPresent();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_leaf WHERE record_ref LIKE ?", Long.class,
                "seq:" + run + ":%")).isEqualTo(committed.size());
        // each round of the other sequencer: consecutive indices from its first, in id order
        for (Round round : otherInstance) {
            for (int i = 0; i < round.entries().size(); i++) {
                LeafStore.Pending p = round.entries().get(i);
                assertThat(leaves.leafIndexOf(p.id())).contains(round.firstIndex() + i);
                if (i > 0) {
                    assertThat(p.id()).isGreaterThan(round.entries().get(i - 1).id());
                }
            }
        }
        assertThat(otherInstance.stream().mapToLong(r -> r.entries().size()).sum()).isPositive();
        // this instance's tree caught up with the other's rounds and agrees with storage
        assertThat(tree.size()).isEqualTo(end);
        assertThat(tree.rebuild().root(end)).isEqualTo(evidence.rootAt(end));
    }

    /**
     * Reports seal their entries while another instance sequences beside this one's rounds: when
     * this JVM's tree ends where a round starts, the round signs its checkpoint before committing;
     * when the other instance moved the log on, the round catches up and signs after. Either way each
     * caller gets a stored, correctly signed checkpoint whose tree holds its leaf.
     */
    @Test
    void everySealedEntryGetsAStoredSignedCheckpointThatHoldsItBesideAnotherInstance() throws Exception {
        String run = UUID.randomUUID().toString();
        List<EvidenceLog.Sealed> sealed = Collections.synchronizedList(new ArrayList<>());
        List<Long> entries = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sealing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> reports = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                reports.add(pool.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        String ref = "seal:" + run + ":" + thread + ":" + i;
                        long id = new TransactionTemplate(transactions).execute(s -> evidence.append("test_log", ref,
                                EvidenceData.of("test_log").put("ref", ref).toBytes()));
                        EvidenceLog.Sealed seal = evidence.seal(id).orElseThrow();
                        entries.add(id);
                        sealed.add(seal);
                    }
                }));
            }
            Future<?> other = pool.submit(() -> {
                while (sealing.get()) {
                    otherInstanceRound(3);
                }
            });
            for (Future<?> f : reports) {
                f.get(2, TimeUnit.MINUTES);
            }
            sealing.set(false);
            other.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        Ed25519Keys.NoteKey key = Ed25519Keys.parseVerifierKey(evidence.publicKey().verifierKey());
        MerkleTree stored = tree.rebuild();
        for (int i = 0; i < sealed.size(); i++) {
            EvidenceLog.Sealed seal = sealed.get(i);
            SignedCheckpoint cp = seal.checkpoint();
            assertThat(leaves.leafIndexOf(entries.get(i))).contains(seal.leafIndex());
            assertThat(cp.treeSize()).isGreaterThan(seal.leafIndex());
            assertThat(cp.rootHash()).isEqualTo(stored.root(cp.treeSize()));
            assertThat(SignedNote.verify(cp.note(), key)).isPresent();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_checkpoint WHERE tree_size = ? "
                    + "AND note_text = ?", Long.class, cp.treeSize(), cp.note())).isPositive();
        }
        assertThat(sealed).hasSize(120);
    }

    private record Round(long firstIndex, List<LeafStore.Pending> entries) {
    }

    /** {@link Sequencer}'s steps, without this instance's tree: another instance's round. */
    private Round otherInstanceRound(int batch) {
        return new TransactionTemplate(transactions).execute(s -> {
            long next = leaves.lockNextIndex();
            List<LeafStore.Pending> pending = leaves.pending(batch);
            if (!pending.isEmpty()) {
                leaves.assign(pending, next, null);
            }
            return new Round(next, pending);
        });
    }
}
