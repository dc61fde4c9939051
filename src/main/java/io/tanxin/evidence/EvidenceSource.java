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
}
