package io.tanxin.evidence;

import java.util.Optional;

/**
 * Implemented by a module that appends leaves of one kind, so the verification job can rebuild a
 * leaf's data from that module's current rows and notice when they were changed behind the log's
 * back. {@link #recompute} must produce exactly the bytes that were appended (use
 * {@link EvidenceData}); it is called for the newest leaf of each record ref only, so a record that
 * changes legitimately appends a new leaf.
 */
public interface EvidenceSource {

    /** The leaf kind this source answers for, e.g. {@code calculation_run}. */
    String kind();

    /** The leaf data as the record's stored rows give it now; empty if the record no longer exists. */
    Optional<byte[]> recompute(String recordRef);

    /**
     * Many records at once (the job asks in chunks); a source with many leaves should answer with
     * one query. Records missing from the answer no longer exist.
     */
    default java.util.Map<String, byte[]> recomputeAll(java.util.List<String> recordRefs) {
        java.util.Map<String, byte[]> out = new java.util.HashMap<>();
        for (String ref : recordRefs) {
            recompute(ref).ifPresent(data -> out.put(ref, data));
        }
        return out;
    }
}
