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
import io.tanxin.evidence.SignedCheckpoint;
import io.tanxin.shared.Database;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The evidence_leaf table and the sequencer row: entries are inserted pending and given an index
 * once, with the checkpoint a sequencing round signed for them.
 */
@Repository
public class LeafStore {

    private static final String LEAF_COLUMNS = "id, leaf_index, kind, record_ref, data, leaf_hash, appended_at";
    private static final int STREAM_FETCH_SIZE = 5_000;

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    LeafStore(JdbcTemplate jdbc, Database database) {
        this.jdbc = jdbc;
        this.postgres = database.postgres();
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
        return io.tanxin.shared.Database.generatedIds(keys);
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
     * Gives the pending entries consecutive indices from {@code firstIndex} in list order, moves the
     * sequencer row on and stores {@code checkpoint} (if not null: the checkpoint of the tree this
     * makes, signed before commit). Runs of consecutive ids take one UPDATE each, so a batch
     * appended together is sequenced in one statement; ids in the gaps (rolled back, or not yet
     * committed) are never touched. On PostgreSQL all of it is one statement, one round trip a round
     * that every report in it waits for; elsewhere the runs go as one JDBC batch and the rest after.
     */
    public void assign(List<Pending> entries, long firstIndex, SignedCheckpoint checkpoint) {
        Timestamp now = Timestamp.from(Instant.now());
        List<long[]> runs = new ArrayList<>();
        int start = 0;
        while (start < entries.size()) {
            int end = start + 1;
            while (end < entries.size() && entries.get(end).id() == entries.get(end - 1).id() + 1) {
                end++;
            }
            long firstId = entries.get(start).id();
            runs.add(new long[] {firstIndex + start - firstId, firstId, entries.get(end - 1).id()});
            start = end;
        }
        long nextIndex = firstIndex + entries.size();
        long updated = 0;
        if (postgres && !entries.isEmpty()) {
            updated = assignInOneStatement(runs, now, nextIndex, checkpoint);
        } else {
            if (!entries.isEmpty()) {
                int[] counts = jdbc.batchUpdate("UPDATE evidence_leaf SET leaf_index = id + ?, sequenced_at = ? "
                        + "WHERE id BETWEEN ? AND ? AND leaf_index IS NULL",
                        runs.stream().map(r -> new Object[] {r[0], now, r[1], r[2]}).toList());
                updated = java.util.Arrays.stream(counts).asLongStream().sum();
                jdbc.update("UPDATE evidence_sequencer SET next_index = ? WHERE id = 1", nextIndex);
            }
            if (checkpoint != null) {
                jdbc.update(Checkpoints.INSERT, Checkpoints.insertValues(checkpoint));
            }
        }
        // a run updates at most its own length, so the total tells whether any entry was lost
        if (updated != entries.size()) {
            throw new IllegalStateException("sequencer lost entries from " + entries.get(0).id() + ": updated "
                    + updated + " of " + entries.size());
        }
    }

    private long assignInOneStatement(List<long[]> runs, Timestamp now, long nextIndex, SignedCheckpoint checkpoint) {
        // data-modifying CTEs run once and to completion whether or not the final SELECT reads them
        String sql = "WITH runs AS (UPDATE evidence_leaf l SET leaf_index = l.id + r.shift, sequenced_at = ? "
                + "FROM unnest(?, ?, ?) AS r(shift, first_id, last_id) "
                + "WHERE l.id BETWEEN r.first_id AND r.last_id AND l.leaf_index IS NULL RETURNING 1), "
                + "moved AS (UPDATE evidence_sequencer SET next_index = ? WHERE id = 1 RETURNING 1)"
                + (checkpoint == null ? "" : ", signed AS (" + Checkpoints.INSERT + " RETURNING 1)")
                + " SELECT (SELECT COUNT(*) FROM runs)";
        Long updated = jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement(sql);
            ps.setTimestamp(1, now);
            for (int column = 0; column < 3; column++) {
                Long[] values = new Long[runs.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = runs.get(i)[column];
                }
                ps.setArray(2 + column, connection.createArrayOf("bigint", values));
            }
            ps.setLong(5, nextIndex);
            if (checkpoint != null) {
                Object[] values = Checkpoints.insertValues(checkpoint);
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(6 + i, values[i]);
                }
            }
            return ps;
        }, (ResultSet rs) -> rs.next() ? rs.getLong(1) : null);
        return updated == null ? 0 : updated;
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
