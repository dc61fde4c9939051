package io.tanxin.evidence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.tanxin.evidence.LeafInfo;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The evidence_leaf table and the sequencer row: entries are inserted pending and given an index once. */
@Repository
public class LeafStore {

    private static final String LEAF_COLUMNS = "id, leaf_index, kind, record_ref, data, leaf_hash, appended_at";
    private static final int STREAM_FETCH_SIZE = 5_000;

    private final JdbcTemplate jdbc;

    LeafStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record NewEntry(String kind, String recordRef, byte[] data, byte[] leafHash) {
    }

    public record Pending(long id, byte[] leafHash) {
    }

    /** Inserts pending entries in the caller's transaction and returns their ids in order. */
    public List<Long> insertPending(List<NewEntry> entries) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement(
                "INSERT INTO evidence_leaf (kind, record_ref, data, leaf_hash) VALUES (?, ?, ?, ?)",
                new String[] {"id"}), new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        NewEntry e = entries.get(i);
                        ps.setString(1, e.kind());
                        ps.setString(2, e.recordRef());
                        ps.setBytes(3, e.data());
                        ps.setBytes(4, e.leafHash());
                    }

                    @Override
                    public int getBatchSize() {
                        return entries.size();
                    }
                }, keys);
        List<Long> ids = new ArrayList<>(entries.size());
        for (var row : keys.getKeyList()) {
            ids.add(((Number) row.values().iterator().next()).longValue());
        }
        return ids;
    }

    /** Locks the sequencer row until the transaction ends and returns the next leaf index. */
    public long lockNextIndex() {
        return jdbc.queryForObject("SELECT next_index FROM evidence_sequencer WHERE id = 1 FOR UPDATE", Long.class);
    }

    public long committedSize() {
        return jdbc.queryForObject("SELECT next_index FROM evidence_sequencer WHERE id = 1", Long.class);
    }

    public List<Pending> pending(int limit) {
        return jdbc.query("SELECT id, leaf_hash FROM evidence_leaf WHERE leaf_index IS NULL ORDER BY id LIMIT ?",
                (rs, n) -> new Pending(rs.getLong(1), rs.getBytes(2)), limit);
    }

    /**
     * Gives the pending entries consecutive indices from {@code firstIndex} in list order. Runs of
     * consecutive ids take one UPDATE each, so a batch appended together is sequenced in one
     * statement; ids in the gaps (rolled back, or not yet committed) are never touched. The runs go
     * to the database as one JDBC batch: under load a round has a run for almost every report in it,
     * and one round trip each kept every waiting report waiting.
     */
    public void assign(List<Pending> entries, long firstIndex) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> runs = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        int start = 0;
        while (start < entries.size()) {
            int end = start + 1;
            while (end < entries.size() && entries.get(end).id() == entries.get(end - 1).id() + 1) {
                end++;
            }
            long firstId = entries.get(start).id();
            runs.add(new Object[] {firstIndex + start - firstId, now, firstId, entries.get(end - 1).id()});
            lengths.add(end - start);
            start = end;
        }
        int[] updated = jdbc.batchUpdate("UPDATE evidence_leaf SET leaf_index = id + ?, sequenced_at = ? "
                + "WHERE id BETWEEN ? AND ? AND leaf_index IS NULL", runs);
        for (int i = 0; i < runs.size(); i++) {
            if (updated[i] != lengths.get(i)) {
                throw new IllegalStateException("sequencer lost entries " + runs.get(i)[2] + ".." + runs.get(i)[3]
                        + ": updated " + updated[i] + " of " + lengths.get(i));
            }
        }
        jdbc.update("UPDATE evidence_sequencer SET next_index = ? WHERE id = 1", firstIndex + entries.size());
    }

    /** Streams the stored leaf hashes of indices [from, to) in index order. */
    public void leafHashes(long from, long to, Consumer<byte[]> consumer) {
        long[] expected = {from};
        jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("SELECT leaf_index, leaf_hash FROM evidence_leaf "
                    + "WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index");
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.setFetchSize(STREAM_FETCH_SIZE);
            return ps;
        }, (ResultSet rs) -> {
            if (rs.getLong(1) != expected[0]) {
                throw new IllegalStateException("evidence leaf " + expected[0] + " is missing");
            }
            expected[0]++;
            consumer.accept(rs.getBytes(2));
        });
        if (expected[0] != to) {
            throw new IllegalStateException("evidence leaves " + expected[0] + ".." + (to - 1) + " are missing");
        }
    }

    /** Streams the sequenced leaves (with their data) of indices [from, to) in index order. */
    public void leaves(long from, long to, Consumer<LeafInfo> consumer) {
        jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("SELECT " + LEAF_COLUMNS + " FROM evidence_leaf "
                    + "WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index");
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.setFetchSize(STREAM_FETCH_SIZE);
            return ps;
        }, (ResultSet rs) -> consumer.accept(LEAF.mapRow(rs, 0)));
    }

    public Optional<LeafInfo> leafAt(long index) {
        return jdbc.query("SELECT " + LEAF_COLUMNS + " FROM evidence_leaf WHERE leaf_index = ?", LEAF, index)
                .stream().findFirst();
    }

    public Optional<Long> leafIndexOf(long entryId) {
        List<Long> found = jdbc.query("SELECT leaf_index FROM evidence_leaf WHERE id = ?",
                (rs, n) -> (Long) rs.getObject(1, Long.class), entryId);
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
    }

    /** The newest sequenced leaf for a record. */
    public Optional<LeafInfo> newestLeafFor(String recordRef) {
        return jdbc.query("SELECT " + LEAF_COLUMNS + " FROM evidence_leaf WHERE record_ref = ? "
                + "AND leaf_index IS NOT NULL ORDER BY leaf_index DESC LIMIT 1", LEAF, recordRef).stream().findFirst();
    }

    private static final RowMapper<LeafInfo> LEAF = (rs, n) -> new LeafInfo(rs.getLong("leaf_index"),
            rs.getLong("id"), rs.getString("kind"), rs.getString("record_ref"), rs.getBytes("data"),
            rs.getBytes("leaf_hash"), rs.getTimestamp("appended_at").toInstant());

}
