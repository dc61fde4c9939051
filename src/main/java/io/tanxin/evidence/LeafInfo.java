package io.tanxin.evidence;

import java.time.Instant;

/**
 * A sequenced leaf: its index in the log, the entry id {@link EvidenceLog#append} returned, and
 * exactly the bytes that were leaf-hashed.
 */
public record LeafInfo(long index, long entryId, String kind, String recordRef, byte[] data, byte[] leafHash,
        Instant appendedAt) {
}
