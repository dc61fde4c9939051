package io.tanxin.evidence;

import java.util.Optional;

/**
 * The usual evidence source: one kind of row, addressed as {@code <kind>:<id>}, whose leaf data a
 * module builds from the row's current contents. {@link #record} appends the leaf in the caller's
 * transaction; the verification job calls {@link #recompute} to check the row was not changed since.
 */
public abstract class RecordEvidence implements EvidenceSource {

    private final String kind;
    private final EvidenceLog log;

    protected RecordEvidence(String kind, EvidenceLog log) {
        this.kind = kind;
        this.log = log;
    }

    /** The leaf data of row {@code id} as it is stored now; empty if the row is gone. */
    protected abstract Optional<byte[]> data(long id);

    /** Appends the row's current state as a leaf; returns the evidence entry id. */
    public long record(long id) {
        String ref = ref(id);
        return log.append(kind, ref, data(id).orElseThrow(() -> new IllegalStateException("no row " + ref)));
    }

    /**
     * Appends a row the caller has just written, with the leaf data it built from the very values
     * {@link #data} reads back, saving the read: the verification job's recompute still compares them.
     */
    protected long record(long id, byte[] data) {
        return log.append(kind, ref(id), data);
    }

    private String ref(long id) {
        return kind + ":" + id;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Optional<byte[]> recompute(String recordRef) {
        return data(Long.parseLong(recordRef.substring(kind.length() + 1)));
    }
}
