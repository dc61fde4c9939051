package io.tanxin.evidence;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.tanxin.evidence.internal.CheckpointRounds;
import io.tanxin.evidence.internal.Checkpoints;
import io.tanxin.evidence.internal.LeafStore;
import io.tanxin.evidence.internal.LogTree;
import io.tanxin.evidence.internal.Sequencer;
import io.tanxin.evidence.internal.SigningKey;
import io.tanxin.evidence.merkle.MerkleHashes;
import io.tanxin.evidence.note.Ed25519Keys;
import io.tanxin.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence log (DESIGN §5.6): an append-only RFC 9162 Merkle log with signed C2SP checkpoints.
 *
 * <p>{@link #append} joins the caller's transaction: the entry exists only if the caller commits.
 * Committed entries become leaves when the sequencer runs (every second, or when anyone calls
 * {@link #sequence()} after committing); {@link #leafIndexOf} then gives the leaf index. Leaf data
 * should come from {@link EvidenceData} so that an {@link EvidenceSource} can recompute it.
 */
@Service
public class EvidenceLog {

    static final int MAX_KIND = 64;
    static final int MAX_RECORD_REF = 200;

    private final LeafStore leaves;
    private final LogTree tree;
    private final Sequencer sequencer;
    private final Checkpoints checkpoints;
    private final SigningKey key;
    private final CheckpointRounds rounds;

    EvidenceLog(LeafStore leaves, LogTree tree, Sequencer sequencer, Checkpoints checkpoints, SigningKey key,
            CheckpointRounds rounds) {
        this.leaves = leaves;
        this.tree = tree;
        this.sequencer = sequencer;
        this.checkpoints = checkpoints;
        this.key = key;
        this.rounds = rounds;
    }

    /** One record of a batch: its reference (e.g. {@code calculation_run:17}) and its leaf data. */
    public record Entry(String recordRef, byte[] data) {
    }

    /** Appends a pending entry in the caller's transaction and returns its entry id. */
    @Transactional
    public long append(String kind, String recordRef, byte[] data) {
        return appendAll(kind, List.of(new Entry(recordRef, data))).get(0);
    }

    /** Appends entries of one kind in one batch, in list order; returns their entry ids. */
    @Transactional
    public List<Long> appendAll(String kind, List<Entry> entries) {
        return appendItems(entries.stream().map(e -> new Item(kind, e.recordRef(), e.data())).toList());
    }

    /** One record of a batch whose records are of several kinds. */
    public record Item(String kind, String recordRef, byte[] data) {
    }

    /**
     * Appends records of any kinds in one batch (one round trip to the database), in list order;
     * returns their entry ids. For a transaction that writes rows of several modules and wants
     * their leaves together.
     */
    @Transactional
    public List<Long> appendItems(List<Item> items) {
        List<LeafStore.NewEntry> rows = new ArrayList<>(items.size());
        for (Item e : items) {
            checkText("kind", e.kind(), MAX_KIND);
            checkText("recordRef", e.recordRef(), MAX_RECORD_REF);
            if (e.data() == null) {
                throw new DomainException("EVIDENCE_DATA_MISSING", "证据数据不能为空", "Evidence data is required")
                        .withStatus(400);
            }
            rows.add(new LeafStore.NewEntry(e.kind(), e.recordRef(), e.data(), MerkleHashes.leafHash(e.data())));
        }
        return rows.isEmpty() ? List.of() : leaves.insertPending(rows);
    }

    /**
     * Gives every committed pending entry its leaf index now and returns how many became leaves.
     * Call it after your transaction commits; it runs in its own transaction.
     */
    public long sequence() {
        return sequencer.sequence();
    }

    /** The leaf index of an entry, empty while it is pending (or if it never committed). */
    public OptionalLong leafIndexOf(long entryId) {
        return leaves.leafIndexOf(entryId).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** The newest leaf appended for a record. */
    public Optional<LeafInfo> leafFor(String recordRef) {
        return leaves.newestLeafFor(recordRef);
    }

    public Optional<LeafInfo> leafAt(long index) {
        return leaves.leafAt(index);
    }

    /** The number of leaves in the tree. */
    public long size() {
        tree.catchUp();
        return tree.size();
    }

    /** Sequences what is committed and signs a checkpoint of the tree as it is then. */
    public SignedCheckpoint checkpointNow() {
        sequence();
        return checkpoints.checkpoint();
    }

    /** A committed entry's leaf index and a signed checkpoint whose tree includes it. */
    public record Sealed(long leafIndex, SignedCheckpoint checkpoint) {
    }

    /**
     * Sequences the caller's committed entry and returns it with a checkpoint that includes it;
     * empty if the entry never committed. Call it after your transaction commits. Concurrent
     * callers share one sequencing round and one signature (group commit), so a burst of reports
     * costs a few rounds rather than one each.
     */
    public Optional<Sealed> seal(long entryId) {
        OptionalLong index = sequencer.recentIndexOf(entryId);
        if (index.isPresent()) {
            // the background sequencer and someone else's checkpoint may already cover it
            Optional<SignedCheckpoint> latest = checkpoints.newestKnown();
            if (latest.isPresent() && latest.get().treeSize() > index.getAsLong()) {
                return Optional.of(new Sealed(index.getAsLong(), latest.get()));
            }
        }
        SignedCheckpoint cp = rounds.afterCommitted();
        index = sequencer.recentIndexOf(entryId);
        if (index.isEmpty()) {
            // sequenced by another instance, or never committed
            index = leafIndexOf(entryId);
        }
        if (index.isEmpty()) {
            return Optional.empty();
        }
        if (cp.treeSize() <= index.getAsLong()) {
            // sequenced by another instance after this one's round: sign what the tree holds now
            cp = checkpointNow();
        }
        return Optional.of(new Sealed(index.getAsLong(), cp));
    }

    /** The newest signed checkpoint; makes the first one if there is none yet. */
    public SignedCheckpoint latestCheckpoint() {
        return checkpoints.latest().orElseGet(checkpoints::checkpoint);
    }

    public byte[] rootAt(long treeSize) {
        checkTreeSize(treeSize);
        return tree.read(t -> t.root(treeSize));
    }

    /** The RFC 9162 inclusion proof (PATH) of a leaf in the tree of the given size. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        checkTreeSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new DomainException("EVIDENCE_INDEX_OUT_OF_RANGE", "叶子序号必须小于树的大小 " + treeSize,
                    "The leaf index must be below the tree size " + treeSize).withStatus(422);
        }
        return tree.read(t -> t.inclusionProof(index, treeSize));
    }

    /** The RFC 9162 consistency proof (PROOF) between two tree sizes. */
    public List<byte[]> consistencyProof(long from, long to) {
        if (from < 0 || from > to) {
            throw new DomainException("EVIDENCE_RANGE_REVERSED", "起始大小必须在 0 与终止大小之间",
                    "from must be between 0 and to").withStatus(422);
        }
        checkTreeSize(to);
        return tree.read(t -> t.consistencyProof(from, to));
    }

    /** The public key checkpoints are signed with, in PEM and signed-note form. */
    public EvidencePublicKey publicKey() {
        SigningKey.Key k = key.key();
        return new EvidencePublicKey(k.name(), HexFormat.of().formatHex(Ed25519Keys.keyId(k.name(), k.rawPublicKey())),
                Ed25519Keys.pem(k.spki()), Ed25519Keys.verifierKey(k.name(), k.rawPublicKey()), key.origin());
    }

    /** The Ed25519 public key as a PEM SubjectPublicKeyInfo block. */
    public String publicKeyPem() {
        return publicKey().publicKeyPem();
    }

    private void checkTreeSize(long treeSize) {
        if (treeSize < 0) {
            throw new DomainException("EVIDENCE_TREE_SIZE_INVALID", "树的大小不能为负数", "The tree size cannot be negative")
                    .withStatus(400);
        }
        if (treeSize > tree.size()) {
            tree.catchUp();
        }
        long size = tree.size();
        if (treeSize > size) {
            throw new DomainException("EVIDENCE_TREE_SIZE_UNKNOWN", "证据日志当前只有 " + size + " 个叶子",
                    "The evidence log has only " + size + " leaves so far").withStatus(404);
        }
    }

    private static void checkText(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new DomainException("EVIDENCE_FIELD_INVALID", field + " 不能为空且不超过 " + max + " 个字符",
                    field + " must be non-blank and at most " + max + " characters").withStatus(400);
        }
    }
}
