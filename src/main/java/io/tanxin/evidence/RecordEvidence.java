package io.tanxin.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The leaf data of many rows as they are stored now, by id; rows that are gone are left out. A
     * source with many rows answers with one query; the default asks {@link #data} row by row.
     */
    protected Map<Long, byte[]> data(List<Long> ids) {
        Map<Long, byte[]> out = new HashMap<>();
        for (long id : ids) {
            data(id).ifPresent(d -> out.put(id, d));
        }
        return out;
    }

    /** Appends the rows' current state as leaves, in one batch, in the caller's transaction. */
    public void recordAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<Long, byte[]> data = data(ids);
        List<EvidenceLog.Entry> entries = new ArrayList<>(ids.size());
        for (long id : ids) {
            byte[] d = data.get(id);
            if (d == null) {
                throw new IllegalStateException("no row " + ref(id));
            }
            entries.add(new EvidenceLog.Entry(ref(id), d));
        }
        log.appendAll(kind, entries);
    }

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

    /**
     * The leaf of a row the caller has just written, as {@link #record(long, byte[])} would append
     * it, for the caller to append with leaves of other kinds in one {@link EvidenceLog#appendItems} batch.
     */
    protected EvidenceLog.Item item(long id, byte[] data) {
        return new EvidenceLog.Item(kind, ref(id), data);
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
        return data(id(recordRef));
    }

    @Override
    public Map<String, byte[]> recomputeAll(List<String> recordRefs) {
        Map<String, byte[]> out = new HashMap<>();
        data(recordRefs.stream().map(this::id).toList()).forEach((id, d) -> out.put(ref(id), d));
        return out;
    }

    private long id(String recordRef) {
        return Long.parseLong(recordRef.substring(kind.length() + 1));
    }
}
