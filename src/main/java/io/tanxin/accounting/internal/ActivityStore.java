package io.tanxin.accounting.internal;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.tanxin.accounting.ActivityLine;
import io.tanxin.accounting.MonthlyActivities;
import io.tanxin.shared.ParameterText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Activity sets: a month's lines for one enterprise; corrections add a revision and keep the old. */
@Repository
public class ActivityStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ActivityStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public record StoredSet(long id, String uscc, YearMonth month, int revision, String source, String submittedBy,
            List<ActivityLine> lines) {
    }

    /** The set this user recorded with this Idempotency-Key (keys are each submitter's own). */
    public Optional<Long> findByIdempotencyKey(String submittedBy, String key) {
        return jdbc.sql("SELECT id FROM activity_set WHERE submitted_by = ? AND idempotency_key = ?")
                .params(submittedBy, key).query(Long.class).optional();
    }

    /**
     * Whether {@code asked} are the lines {@code stored} were stored from: the same kinds, codes and
     * units in the same order, and the same quantities and parameters as numbers, as the columns keep
     * them (a quantity to {@value #QUANTITY_SCALE} decimals, so 1.0, 1.00 and 1 are one quantity).
     */
    public static boolean sameAsStored(List<ActivityLine> stored, List<ActivityLine> asked) {
        if (stored.size() != asked.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            ActivityLine s = stored.get(i);
            ActivityLine a = asked.get(i);
            if (!java.util.Objects.equals(s.kind(), a.kind()) || !java.util.Objects.equals(s.code(), a.code())
                    || !java.util.Objects.equals(s.unit(), a.unit()) || a.quantity() == null
                    || s.quantity().compareTo(a.quantity().setScale(QUANTITY_SCALE, java.math.RoundingMode.HALF_UP)) != 0
                    || !s.parameters().keySet().equals(a.parameters().keySet())
                    || s.parameters().entrySet().stream().anyMatch(e -> a.parameters().get(e.getKey()) == null
                            || e.getValue().compareTo(a.parameters().get(e.getKey())) != 0)) {
                return false;
            }
        }
        return true;
    }

    /** The scale of activity_line.quantity, NUMERIC(24, 6), which rounds half away from zero. */
    static final int QUANTITY_SCALE = 6;

    public long insert(MonthlyActivities activities, String submittedBy, String idempotencyKey) {
        int revision = jdbc.sql("SELECT COALESCE(MAX(revision), 0) + 1 FROM activity_set WHERE uscc = ? AND period = ?")
                .params(activities.uscc(), activities.month().toString()).query(Integer.class).single();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO activity_set (uscc, period, revision, source, "
                    + "submitted_by, idempotency_key) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, activities.uscc());
            ps.setString(2, activities.month().toString());
            ps.setInt(3, revision);
            ps.setString(4, activities.source());
            ps.setString(5, submittedBy);
            ps.setString(6, idempotencyKey);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        insertLines(List.of(Map.entry(id, activities.lines())));
        return id;
    }

    /**
     * Bulk insert of the next revision of each month (after an intake submission): revisions are
     * numbered from one query over the affected enterprises, ids come back from one batch.
     */
    public List<StoredSet> insertAllNextRevisions(List<MonthlyActivities> sets, String submittedBy) {
        Map<String, Integer> latest = new java.util.HashMap<>();
        java.util.Set<String> usccs = new java.util.TreeSet<>();
        sets.forEach(s -> usccs.add(s.uscc()));
        for (List<String> chunk : chunks(List.copyOf(usccs), 500)) {
            template.query("SELECT uscc, period, MAX(revision) FROM activity_set WHERE uscc IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ") GROUP BY uscc, period",
                    rs -> {
                        latest.put(rs.getString(1) + "|" + rs.getString(2), rs.getInt(3));
                    }, chunk.toArray());
        }
        int[] revisions = new int[sets.size()];
        for (int i = 0; i < sets.size(); i++) {
            MonthlyActivities s = sets.get(i);
            revisions[i] = latest.getOrDefault(s.uscc() + "|" + s.month(), 0) + 1;
        }
        List<Long> ids = insertSets(sets, revisions, submittedBy);
        List<StoredSet> stored = new ArrayList<>(sets.size());
        for (int i = 0; i < sets.size(); i++) {
            MonthlyActivities s = sets.get(i);
            stored.add(new StoredSet(ids.get(i), s.uscc(), s.month(), revisions[i], s.source(), submittedBy, s.lines()));
        }
        return stored;
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }

    /**
     * Bulk insert of first revisions (demo load, bulk imports): ids are taken from the database in
     * one batch so that lines can follow in one batch too.
     */
    public void insertAllFirstRevisions(List<MonthlyActivities> sets, String submittedBy) {
        int[] revisions = new int[sets.size()];
        java.util.Arrays.fill(revisions, 1);
        insertSets(sets, revisions, submittedBy);
    }

    private List<Long> insertSets(List<MonthlyActivities> sets, int[] revisions, String submittedBy) {
        List<Long> ids = new ArrayList<>(sets.size());
        template.execute((java.sql.Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO activity_set (uscc, period, revision, source, "
                    + "submitted_by) VALUES (?, ?, ?, ?, ?)", new String[] {"id"})) {
                for (int i = 0; i < sets.size(); i++) {
                    MonthlyActivities s = sets.get(i);
                    ps.setString(1, s.uscc());
                    ps.setString(2, s.month().toString());
                    ps.setInt(3, revisions[i]);
                    ps.setString(4, s.source());
                    ps.setString(5, submittedBy);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (var rs = ps.getGeneratedKeys()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return null;
        });
        if (ids.size() != sets.size()) {
            throw new IllegalStateException("database returned " + ids.size() + " keys for " + sets.size() + " rows");
        }
        List<Map.Entry<Long, List<ActivityLine>>> withIds = new ArrayList<>(sets.size());
        for (int i = 0; i < sets.size(); i++) {
            withIds.add(Map.entry(ids.get(i), sets.get(i).lines()));
        }
        insertLines(withIds);
        return ids;
    }

    private void insertLines(List<Map.Entry<Long, List<ActivityLine>>> sets) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<Long, List<ActivityLine>> set : sets) {
            int no = 1;
            for (ActivityLine line : set.getValue()) {
                rows.add(new Object[] {set.getKey(), no++, line.kind(), line.code(), line.quantity(), line.unit(),
                        ParameterText.format(line.parameters())});
            }
        }
        template.batchUpdate("INSERT INTO activity_line (activity_set_id, line_no, kind, code, quantity, unit, parameters) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    public Optional<StoredSet> latest(String uscc, YearMonth month) {
        return jdbc.sql("SELECT id, uscc, period, revision, source, submitted_by FROM activity_set "
                + "WHERE uscc = ? AND period = ? ORDER BY revision DESC LIMIT 1")
                .params(uscc, month.toString())
                .query((rs, i) -> new StoredSet(rs.getLong(1), rs.getString(2), YearMonth.parse(rs.getString(3)),
                        rs.getInt(4), rs.getString(5), rs.getString(6), lines(rs.getLong(1))))
                .optional();
    }

    public Optional<StoredSet> byId(long id) {
        return jdbc.sql("SELECT id, uscc, period, revision, source, submitted_by FROM activity_set WHERE id = ?")
                .param(id)
                .query((rs, i) -> new StoredSet(rs.getLong(1), rs.getString(2), YearMonth.parse(rs.getString(3)),
                        rs.getInt(4), rs.getString(5), rs.getString(6), lines(rs.getLong(1))))
                .optional();
    }

    public List<ActivityLine> lines(long setId) {
        return jdbc.sql("SELECT kind, code, quantity, unit, parameters FROM activity_line WHERE activity_set_id = ? "
                + "ORDER BY line_no").param(setId)
                .query((rs, i) -> new ActivityLine(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getString(4), ParameterText.parse(rs.getString(5))))
                .list();
    }

    /**
     * Streams the latest revision of every enterprise-month with its lines, in two sequential
     * scans, for a full recompute without one query per month.
     */
    public void forEachLatest(Consumer<StoredSet> consumer) {
        Map<Long, StoredSet> heads = new LinkedHashMap<>();
        template.query("""
                SELECT s.id, s.uscc, s.period, s.revision, s.source, s.submitted_by FROM activity_set s
                WHERE s.revision = (SELECT MAX(r.revision) FROM activity_set r WHERE r.uscc = s.uscc AND r.period = s.period)
                ORDER BY s.id""", rs -> {
            heads.put(rs.getLong(1), new StoredSet(rs.getLong(1), rs.getString(2), YearMonth.parse(rs.getString(3)),
                    rs.getInt(4), rs.getString(5), rs.getString(6), new ArrayList<>()));
        });
        template.setFetchSize(5000);
        template.query("SELECT activity_set_id, kind, code, quantity, unit, parameters FROM activity_line "
                + "ORDER BY activity_set_id, line_no", rs -> {
            StoredSet set = heads.get(rs.getLong(1));
            if (set != null) {
                set.lines().add(new ActivityLine(rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5),
                        ParameterText.parse(rs.getString(6))));
            }
        });
        heads.values().forEach(consumer);
    }

}
