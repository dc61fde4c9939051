package io.tanxin.evidence.internal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tanxin.evidence.EvidenceAlert;
import io.tanxin.evidence.EvidenceSource;
import io.tanxin.evidence.EvidenceTampered;
import io.tanxin.evidence.LeafInfo;
import io.tanxin.evidence.SignedCheckpoint;
import io.tanxin.evidence.VerificationReport;
import io.tanxin.evidence.merkle.MerkleFrontier;
import io.tanxin.evidence.merkle.MerkleHashes;
import io.tanxin.evidence.note.Checkpoint;
import io.tanxin.evidence.note.Ed25519Keys;
import io.tanxin.evidence.note.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Checks the log against itself and against the rows it vouches for: every leaf hash recomputed
 * from its stored data, the root rebuilt from those recomputed hashes compared with every signed
 * checkpoint (so changing data and hash together is caught too), every checkpoint's signature, and
 * the newest leaf of each record recomputed by its module's {@link EvidenceSource}.
 */
@Component
public class VerificationJob {

    private static final Logger log = LoggerFactory.getLogger(VerificationJob.class);

    private final LeafStore leaves;
    private final LogTree tree;
    private final Checkpoints checkpoints;
    private final SigningKey key;
    private final AlertStore alerts;
    private final ObjectProvider<EvidenceSource> sources;
    private final ApplicationEventPublisher events;

    VerificationJob(LeafStore leaves, LogTree tree, Checkpoints checkpoints, SigningKey key, AlertStore alerts,
            ObjectProvider<EvidenceSource> sources, ApplicationEventPublisher events) {
        this.leaves = leaves;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.key = key;
        this.alerts = alerts;
        this.sources = sources;
        this.events = events;
    }

    // what the runs since the last full one verified without an alert: the leaves before
    // verified.size(), recomputed into this frontier, and the checkpoints with ids up to
    // comparedCheckpointId; null when the next run must read everything
    private MerkleFrontier verified;
    private long comparedCheckpointId;
    private int runsSinceFull;

    /** Reads and checks the whole log. */
    public synchronized VerificationReport run() {
        return run(true);
    }

    /**
     * A scheduled run. Reading the whole log grows with it: 87 s of a loaded server's time at
     * 361,000 leaves, every ten minutes. So a scheduled run reads the leaves appended since the run
     * before, and their records, extending the frontier that run recomputed, and checks the
     * checkpoints signed since; every {@code fullEvery}th run, the first, and the one after a new
     * alert read everything as {@link #run()} does. An old row altered after it was verified is found by
     * the next full run rather than the next run.
     */
    public synchronized VerificationReport runScheduled(int fullEvery) {
        return run(verified == null || ++runsSinceFull >= fullEvery);
    }

    private VerificationReport run(boolean full) {
        long start = System.nanoTime();
        List<EvidenceAlert> raised = new ArrayList<>();
        tree.catchUp();
        long size = tree.size();
        List<Checkpoints.StoredCheckpoint> signed = checkpoints.all();
        checkSignatures(signed, raised);
        MerkleFrontier recomputed = full ? new MerkleFrontier() : verified;
        long from = recomputed.size();
        long comparedBefore = comparedCheckpointId;
        // kept again only if this run raises no new alert (one known already stays recorded)
        verified = null;

        Map<String, EvidenceSource> byKind = new HashMap<>();
        sources.orderedStream().forEach(s -> byKind.put(s.kind(), s));
        Map<String, LeafInfo> newestWithSource = new HashMap<>();
        int[] nextCheckpoint = {0};
        if (!full) {
            // trees no larger than what earlier runs verified: a checkpoint signed since is held to
            // the in-memory tree, whose leaves those runs recomputed
            while (nextCheckpoint[0] < signed.size() && signed.get(nextCheckpoint[0]).checkpoint().treeSize() <= from) {
                Checkpoints.StoredCheckpoint c = signed.get(nextCheckpoint[0]++);
                if (c.id() > comparedBefore) {
                    compareRootWithTree(c.checkpoint(), raised);
                }
            }
        }
        leaves.leaves(from, size, leaf -> {
            byte[] hash = MerkleHashes.leafHash(leaf.data());
            if (!MessageDigest.isEqual(hash, leaf.leafHash())
                    || !MessageDigest.isEqual(hash, tree.read(t -> t.leafHash(leaf.index())))) {
                alert(raised, "EVIDENCE_LEAF_ALTERED", leaf.kind(), leaf.recordRef(), leaf.index(), null,
                        "证据叶子 " + leaf.index() + "（" + leaf.recordRef() + "）的数据或哈希已被改动",
                        "Evidence leaf " + leaf.index() + " (" + leaf.recordRef() + ") has altered data or hash");
            }
            recomputed.append(hash);
            while (nextCheckpoint[0] < signed.size()
                    && signed.get(nextCheckpoint[0]).checkpoint().treeSize() <= recomputed.size()) {
                compareRoot(signed.get(nextCheckpoint[0]++).checkpoint(), recomputed, raised);
            }
            if (byKind.containsKey(leaf.kind())) {
                // only the hash is needed later; dropping the data keeps a million leaves in memory cheap
                newestWithSource.put(leaf.kind() + "\u0000" + leaf.recordRef(), new LeafInfo(leaf.index(),
                        leaf.entryId(), leaf.kind(), leaf.recordRef(), null, hash, leaf.appendedAt()));
            }
        });
        for (Checkpoints.StoredCheckpoint c : signed.subList(nextCheckpoint[0], signed.size())) {
            if (c.checkpoint().treeSize() == 0) {
                compareRoot(c.checkpoint(), recomputed, raised);
            }
        }
        long compared = comparedBefore;
        for (Checkpoints.StoredCheckpoint c : signed) {
            if (c.checkpoint().treeSize() <= size) {
                compared = Math.max(compared, c.id());
            }
        }
        if (!MessageDigest.isEqual(recomputed.root(), tree.read(t -> t.root(size)))) {
            alert(raised, "EVIDENCE_ROOT_MISMATCH", null, null, null, size,
                    "由存储数据重算的树根与内存中的树根不一致（大小 " + size + "）",
                    "The root recomputed from stored data differs from the in-memory root at size " + size);
        }
        long sourceChecks = checkSources(newestWithSource.values(), byKind, raised);
        if (raised.isEmpty()) {
            verified = recomputed;
            comparedCheckpointId = compared;
            if (full) {
                runsSinceFull = 0;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("evidence verification{}: {} leaves, {} checkpoints, {} source records, {} new alerts in {} ms",
                full ? "" : " of the leaves from " + from, size - from, signed.size(), sourceChecks, raised.size(),
                millis);
        return new VerificationReport(size - from, signed.size(), sourceChecks, List.copyOf(raised), millis);
    }

    /**
     * Every checkpoint's note is checked against its row, but a signature verified in an earlier run
     * is verified again only if a note before it changed since. Each report makes a checkpoint, so
     * there are tens of thousands; Ed25519 verification (about half a millisecond each here) of all of
     * them every ten minutes grew without bound and took a core for seconds. The notes verified so
     * far are remembered as a count and the SHA-256 of their text in order: any change to one of them
     * changes that digest, and then every signature is verified again.
     */
    private void checkSignatures(List<Checkpoints.StoredCheckpoint> signed, List<EvidenceAlert> raised) {
        SigningKey.Key k = key.key();
        Ed25519Keys.NoteKey noteKey = new Ed25519Keys.NoteKey(k.name(), k.rawPublicKey());
        boolean keySame = Arrays.equals(k.rawPublicKey(), verifiedWithKey);
        int trusted = keySame && verifiedCount <= signed.size()
                && MessageDigest.isEqual(notesDigest(signed, verifiedCount), verifiedDigest) ? verifiedCount : 0;
        int validPrefix = trusted;
        for (int i = trusted; i < signed.size(); i++) {
            SignedCheckpoint cp = signed.get(i).checkpoint();
            Optional<String> body = SignedNote.verify(cp.note(), noteKey);
            if (body.isEmpty()) {
                alert(raised, "EVIDENCE_CHECKPOINT_SIGNATURE_INVALID", null, null, null, cp.treeSize(),
                        "大小为 " + cp.treeSize() + " 的检查点签名无效", "The checkpoint of size " + cp.treeSize()
                                + " has no valid signature");
                continue;
            }
            if (validPrefix == i) {
                validPrefix++;
            }
        }
        for (Checkpoints.StoredCheckpoint c : signed) {
            SignedCheckpoint cp = c.checkpoint();
            int split = cp.note().lastIndexOf("\n\n");
            Checkpoint parsed = split < 0 ? null : parseQuietly(cp.note().substring(0, split + 1));
            if (parsed == null || parsed.treeSize() != cp.treeSize() || !Arrays.equals(parsed.rootHash(), cp.rootHash())) {
                alert(raised, "EVIDENCE_CHECKPOINT_ALTERED", null, null, null, cp.treeSize(),
                        "大小为 " + cp.treeSize() + " 的检查点记录与其签名文本不符",
                        "The checkpoint row of size " + cp.treeSize() + " differs from its signed text");
            }
        }
        verifiedCount = validPrefix;
        verifiedDigest = notesDigest(signed, validPrefix);
        verifiedWithKey = k.rawPublicKey().clone();
    }

    // the signatures verified by earlier runs: the first verifiedCount notes, as long as their digest is unchanged
    private int verifiedCount;
    private byte[] verifiedDigest = notesDigest(List.of(), 0);
    private byte[] verifiedWithKey;

    private static byte[] notesDigest(List<Checkpoints.StoredCheckpoint> signed, int count) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] length = new byte[4];
        for (int i = 0; i < count; i++) {
            byte[] note = signed.get(i).checkpoint().note().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            // length-prefixed, so that no two lists of notes run together into the same bytes
            java.nio.ByteBuffer.wrap(length).putInt(note.length);
            digest.update(length);
            digest.update(note);
        }
        return digest.digest();
    }

    private static Checkpoint parseQuietly(String body) {
        try {
            return Checkpoint.parse(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void compareRoot(SignedCheckpoint cp, MerkleFrontier recomputed, List<EvidenceAlert> raised) {
        if (cp.treeSize() == recomputed.size() && !MessageDigest.isEqual(recomputed.root(), cp.rootHash())) {
            alert(raised, "EVIDENCE_ROOT_MISMATCH", null, null, null, cp.treeSize(),
                    "由存储的叶子重算的树根与大小为 " + cp.treeSize() + " 的已签名检查点不一致",
                    "The root recomputed from stored leaves differs from the signed checkpoint of size "
                            + cp.treeSize());
        }
    }

    private void compareRootWithTree(SignedCheckpoint cp, List<EvidenceAlert> raised) {
        if (!MessageDigest.isEqual(tree.read(t -> t.root(cp.treeSize())), cp.rootHash())) {
            alert(raised, "EVIDENCE_ROOT_MISMATCH", null, null, null, cp.treeSize(),
                    "已验证的树在大小 " + cp.treeSize() + " 时的树根与该大小的已签名检查点不一致",
                    "The verified tree's root at size " + cp.treeSize() + " differs from the signed checkpoint of that size");
        }
    }

    private long checkSources(Iterable<LeafInfo> newest, Map<String, EvidenceSource> byKind,
            List<EvidenceAlert> raised) {
        long checked = 0;
        Map<String, List<LeafInfo>> pending = new java.util.HashMap<>();
        for (LeafInfo leaf : newest) {
            List<LeafInfo> chunk = pending.computeIfAbsent(leaf.kind(), k -> new java.util.ArrayList<>());
            chunk.add(leaf);
            if (chunk.size() == 1000) {
                checked += checkChunk(byKind.get(leaf.kind()), chunk, raised);
                chunk.clear();
            }
        }
        for (var entry : pending.entrySet()) {
            checked += checkChunk(byKind.get(entry.getKey()), entry.getValue(), raised);
        }
        return checked;
    }

    private long checkChunk(EvidenceSource source, List<LeafInfo> leaves, List<EvidenceAlert> raised) {
        if (leaves.isEmpty()) {
            return 0;
        }
        Map<String, byte[]> now;
        try {
            now = source.recomputeAll(leaves.stream().map(LeafInfo::recordRef).toList());
        } catch (RuntimeException e) {
            log.error("evidence source {} failed on a chunk of {} records", source.kind(), leaves.size(), e);
            return 0;
        }
        for (LeafInfo leaf : leaves) {
            byte[] data = now.get(leaf.recordRef());
            if (data == null) {
                alert(raised, "EVIDENCE_SOURCE_MISSING", leaf.kind(), leaf.recordRef(), leaf.index(), null,
                        "证据叶子 " + leaf.index() + " 记录的 " + leaf.recordRef() + " 已不存在",
                        "The record " + leaf.recordRef() + " of evidence leaf " + leaf.index() + " no longer exists");
            } else if (!MessageDigest.isEqual(MerkleHashes.leafHash(data), leaf.leafHash())) {
                alert(raised, "EVIDENCE_SOURCE_MISMATCH", leaf.kind(), leaf.recordRef(), leaf.index(), null,
                        "记录 " + leaf.recordRef() + " 的当前数据与证据叶子 " + leaf.index() + " 不符",
                        "The current rows of " + leaf.recordRef() + " differ from evidence leaf " + leaf.index());
            }
        }
        return leaves.size();
    }

    private void alert(List<EvidenceAlert> raised, String code, String kind, String recordRef, Long leafIndex,
            Long treeSize, String messageZh, String messageEn) {
        log.error("evidence alert {}: kind={} record={} leaf={} treeSize={}: {}", code, kind, recordRef, leafIndex,
                treeSize, messageEn);
        alerts.record(code, kind, recordRef, leafIndex, treeSize, messageZh, messageEn).ifPresent(a -> {
            raised.add(a);
            events.publishEvent(new EvidenceTampered(a));
        });
    }
}
