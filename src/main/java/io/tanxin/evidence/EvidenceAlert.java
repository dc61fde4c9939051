package io.tanxin.evidence;

import java.time.Instant;

/**
 * A finding of the verification job. {@code code} says what failed ({@code EVIDENCE_LEAF_ALTERED},
 * {@code EVIDENCE_SOURCE_MISMATCH}, {@code EVIDENCE_SOURCE_MISSING}, {@code EVIDENCE_ROOT_MISMATCH},
 * {@code EVIDENCE_CHECKPOINT_SIGNATURE_INVALID}, {@code EVIDENCE_CHECKPOINT_ALTERED}); kind, record
 * ref and leaf index name the leaf, tree size the checkpoint.
 */
public record EvidenceAlert(long id, String code, String kind, String recordRef, Long leafIndex, Long treeSize,
        String messageZh, String messageEn, Instant detectedAt) {
}
