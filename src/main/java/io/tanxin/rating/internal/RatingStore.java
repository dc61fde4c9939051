package io.tanxin.rating.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tanxin.rating.Rating;
import io.tanxin.rating.RatingOverride;
import io.tanxin.rating.engine.RatingInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Ratings (append-only history), the annual figures behind industry averages, and overrides. */
@Component
public class RatingStore {

    private static final String COLUMNS = "id, uscc, period_kind, rating_year, period_end, model_version, industry_code, "
            + "region_code, stage, score, label, score_label, capped, confidence, carbon_level, k_grade, k_ratio, "
            + "intensity, industry_average, detail, result_hash, cause, created_at";

    private final JdbcClient jdbc;
    // current ratings by id, parsed once (see immutable)
    private final com.github.benmanes.caffeine.cache.Cache<Long, Stored> parsed =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(4096).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private final org.springframework.jdbc.core.JdbcTemplate template;

    RatingStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** What is kept as JSON with a rating: the parts that are lists, and the input the engine rated. */
    public record Detail(List<String> caps, List<Rating.IndicatorScore> indicators, List<Rating.Reason> reasons,
            List<Rating.Hint> hints, RatingInput input) {
    }

    /** A rating as stored, with the computed label only. */
    public record Stored(long id, String uscc, String periodKind, int year, String periodEnd, String modelVersion,
            String industryCode, String regionCode, String stage, double score, String label, String scoreLabel,
            boolean capped, String confidence, String carbonLevel, Integer kGrade, Double kRatio, Double intensity,
            Double industryAverage, Detail detail, String resultHash, String cause, OffsetDateTime createdAt) {
    }

    public record NewRating(String uscc, String periodKind, int year, String periodEnd, String modelVersion,
            String industryCode, String regionCode, String stage, double score, String label, String scoreLabel,
            boolean capped, String confidence, String carbonLevel, Integer kGrade, Double kRatio, Double intensity,
            Double industryAverage, Detail detail, String cause) {
    }

    public record Figure(String uscc, int year, String industryCode, BigDecimal tco2e, BigDecimal valueAdded, int months,
            Double quality) {
    }

    public String detailJson(Detail d) {
        return json.writeValueAsString(d);
    }

    /** Inserts the ratings and returns their ids, in order. */
    public List<Long> insertAll(List<NewRating> ratings, List<String> hashes) {
        if (ratings.isEmpty()) {
            return List.of();
        }
        List<Object[]> args = new ArrayList<>(ratings.size());
        for (int i = 0; i < ratings.size(); i++) {
            NewRating r = ratings.get(i);
            args.add(new Object[] {r.uscc(), r.periodKind(), r.year(), r.periodEnd(), r.modelVersion(), r.industryCode(),
                    r.regionCode(), r.stage(), BigDecimal.valueOf(r.score()), r.label(), r.scoreLabel(), r.capped(),
                    r.confidence(), r.carbonLevel(), r.kGrade(), dec(r.kRatio()), dec(r.intensity()),
                    dec(r.industryAverage()), detailJson(r.detail()), hashes.get(i), r.cause()});
        }
        String sql = "INSERT INTO rating (uscc, period_kind, rating_year, period_end, model_version, industry_code, "
                + "region_code, stage, score, label, score_label, capped, confidence, carbon_level, k_grade, k_ratio, "
                + "intensity, industry_average, detail, result_hash, cause) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?)";
        List<Long> ids = new ArrayList<>(ratings.size());
        for (int from = 0; from < args.size(); from += 1000) {
            List<Object[]> chunk = args.subList(from, Math.min(args.size(), from + 1000));
            org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            template.batchUpdate(con -> con.prepareStatement(sql, new String[] {"id"}),
                    new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
                            Object[] values = chunk.get(i);
                            for (int c = 0; c < values.length; c++) {
                                org.springframework.jdbc.core.StatementCreatorUtils.setParameterValue(ps, c + 1,
                                        org.springframework.jdbc.core.SqlTypeValue.TYPE_UNKNOWN, values[c]);
                            }
                        }

                        @Override
                        public int getBatchSize() {
                            return chunk.size();
                        }
                    }, keys);
            ids.addAll(io.tanxin.shared.Database.generatedIds(keys));
        }
        return ids;
    }

    private void batch(String sql, List<Object[]> args) {
        org.springframework.jdbc.core.JdbcTemplate t = template;
        for (int from = 0; from < args.size(); from += 1000) {
            t.batchUpdate(sql, args.subList(from, Math.min(args.size(), from + 1000)));
        }
    }

    /** The newest rating per (uscc, period kind, year) of these enterprises (all when null), without detail. */
    public Map<String, Latest> latest(Collection<String> usccs) {
        boolean few = usccs != null && !usccs.isEmpty() && usccs.size() <= 500;
        String sql = "SELECT r.id, r.uscc, r.period_kind, r.rating_year, r.label, r.result_hash FROM rating r "
                + "JOIN (SELECT MAX(id) AS id FROM rating" + (few ? " WHERE uscc IN ("
                        + String.join(",", java.util.Collections.nCopies(usccs.size(), "?")) + ")" : "")
                + " GROUP BY uscc, period_kind, rating_year) m ON m.id = r.id";
        Map<String, Latest> out = new HashMap<>();
        jdbc.sql(sql).params(few ? new ArrayList<Object>(usccs) : List.of()).query((ResultSet rs) -> {
            String uscc = rs.getString(2);
            if (usccs == null || usccs.contains(uscc)) {
                Latest l = new Latest(rs.getLong(1), uscc, rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6));
                out.put(key(uscc, l.periodKind(), l.year()), l);
            }
        });
        return out;
    }

    public record Latest(long id, String uscc, String periodKind, int year, String label, String resultHash) {
    }

    public static String key(String uscc, String kind, int year) {
        return uscc + "|" + kind + "|" + year;
    }

    public List<Stored> history(String uscc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rating WHERE uscc = ? ORDER BY id DESC").param(uscc)
                .query(this::map).list();
    }

    public Optional<Stored> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rating WHERE id = ?").param(id).query(this::map).optional();
    }

    public Optional<Stored> current(String uscc, String kind, int year) {
        return jdbc.sql("SELECT id FROM rating WHERE uscc = ? AND period_kind = ? AND rating_year = ? "
                + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY").params(uscc, kind, year).query(Long.class).optional()
                .flatMap(this::immutable);
    }

    /**
     * A rating row by id, read and parsed once: a rating is never changed after it is stored (a
     * re-rating is a new row), so the id is its version. Every credit report reads the current
     * rating; its detail column is the largest text a report reads and was parsed each time.
     */
    private Optional<Stored> immutable(long id) {
        // a row gone meanwhile is no entry (the loader's null), so it is read again next time
        return Optional.ofNullable(parsed.get(id, k -> byId(k).orElse(null)));
    }

    /** A rating with the approved overrides of its enterprise and period, newest first. */
    public record WithOverrides(Stored rating, List<RatingOverride> approved) {
    }

    /**
     * The newest rating of the newest year ({@link #current} of {@link #latestYear}) and the approved
     * overrides of that year ({@link #approved}) in one query: every credit report reads both, and
     * a round trip to the database costs more than either read.
     */
    public Optional<WithOverrides> currentOfLatestYearWithApproved(String uscc, String kind) {
        List<Long> ids = new ArrayList<>(1);
        List<RatingOverride> approved = new ArrayList<>();
        jdbc.sql("SELECT r.id, " + OVERRIDE_COLUMNS_OF_O + " FROM (SELECT id, rating_year FROM rating "
                + "WHERE uscc = ? AND period_kind = ? ORDER BY rating_year DESC, id DESC FETCH FIRST 1 ROWS ONLY) r "
                + "LEFT JOIN rating_override o ON o.uscc = ? AND o.period_kind = ? AND o.rating_year = r.rating_year "
                + "AND o.status = 'APPROVED' ORDER BY o.decided_at DESC, o.id DESC").params(uscc, kind, uscc, kind)
                .query(rs -> {
                    if (ids.isEmpty()) {
                        ids.add(rs.getLong(1));
                    }
                    if (rs.getObject(2) != null) {
                        approved.add(overrideAfter(rs, 1));
                    }
                });
        return ids.isEmpty() ? Optional.empty()
                : immutable(ids.get(0)).map(r -> new WithOverrides(r, List.copyOf(approved)));
    }

    public Optional<Integer> latestYear(String uscc) {
        return jdbc.sql("SELECT MAX(rating_year) FROM rating WHERE uscc = ? AND period_kind = 'YEAR'").param(uscc)
                .query(Integer.class).optional();
    }

    /** The current computed rating of every enterprise for a year. */
    public List<Stored> currentOfYear(int year) {
        return jdbc.sql("SELECT " + COLUMNS.replaceAll("(^|, )", "$1r.") + " FROM rating r JOIN (SELECT MAX(id) AS id "
                + "FROM rating WHERE period_kind = 'YEAR' AND rating_year = ? GROUP BY uscc) m ON m.id = r.id")
                .param(year).query(this::map).list();
    }

    // --- annual figures

    public void replaceFigures(Collection<String> usccs, List<Figure> figures) {
        List<Object[]> del = usccs.stream().map(u -> new Object[] {u}).toList();
        batch("DELETE FROM rating_figure WHERE uscc = ?", new ArrayList<>(del));
        batch("INSERT INTO rating_figure (uscc, rating_year, industry_code, tco2e, value_added, months, quality) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", figures.stream().map(f -> new Object[] {f.uscc(), f.year(),
                        f.industryCode(), f.tco2e(), f.valueAdded(), f.months(),
                        f.quality() == null ? null : BigDecimal.valueOf(f.quality())}).toList());
    }

    public List<Figure> figures() {
        return jdbc.sql("SELECT uscc, rating_year, industry_code, tco2e, value_added, months, quality FROM rating_figure")
                .query((rs, n) -> new Figure(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getInt(6), rs.getObject(7) == null ? null : rs.getDouble(7)))
                .list();
    }

    // --- overrides

    public long insertOverride(Stored rating, String kind, String proposedLabel, String reason, String by,
            OffsetDateTime at) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rating_override (rating_id, uscc, period_kind, rating_year, kind, computed_label, "
                + "proposed_label, reason, proposed_by, proposed_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')")
                .params(rating.id(), rating.uscc(), rating.periodKind(), rating.year(), kind, rating.label(), proposedLabel,
                        reason, by, at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String OVERRIDE_COLUMNS = "id, rating_id, uscc, period_kind, rating_year, kind, computed_label, "
            + "proposed_label, reason, proposed_by, proposed_at, status, decided_by, decision_reason, decided_at";

    private static final String OVERRIDE_COLUMNS_OF_O = OVERRIDE_COLUMNS.replaceAll("(\\w+)", "o.$1");

    public Optional<RatingOverride> override(long id) {
        return jdbc.sql("SELECT " + OVERRIDE_COLUMNS + " FROM rating_override WHERE id = ?").param(id)
                .query(RatingStore::mapOverride).optional();
    }

    public List<RatingOverride> overrides(String status) {
        return jdbc.sql("SELECT " + OVERRIDE_COLUMNS + " FROM rating_override"
                + (status == null ? "" : " WHERE status = ?") + " ORDER BY id DESC FETCH FIRST 500 ROWS ONLY")
                .params(status == null ? List.of() : List.of(status)).query(RatingStore::mapOverride).list();
    }

    /** Approved overrides and co-signatures of an enterprise-period, newest first. */
    public List<RatingOverride> approved(String uscc, String kind, int year) {
        return jdbc.sql("SELECT " + OVERRIDE_COLUMNS + " FROM rating_override WHERE uscc = ? AND period_kind = ? AND "
                + "rating_year = ? AND status = 'APPROVED' ORDER BY decided_at DESC, id DESC").params(uscc, kind, year)
                .query(RatingStore::mapOverride).list();
    }

    /** Approved overrides of many enterprise-periods: key(uscc, kind, year) → newest first. */
    public Map<String, List<RatingOverride>> approvedAll() {
        Map<String, List<RatingOverride>> out = new HashMap<>();
        jdbc.sql("SELECT " + OVERRIDE_COLUMNS + " FROM rating_override WHERE status = 'APPROVED' ORDER BY decided_at DESC, id DESC")
                .query(RatingStore::mapOverride).list()
                .forEach(o -> out.computeIfAbsent(key(o.uscc(), o.periodKind(), o.year()), k -> new ArrayList<>()).add(o));
        return out;
    }

    public boolean decide(long id, String status, String by, String reason, OffsetDateTime at) {
        return jdbc.sql("UPDATE rating_override SET status = ?, decided_by = ?, decision_reason = ?, decided_at = ? "
                + "WHERE id = ? AND status = 'PENDING'").params(status, by, reason, at, id).update() == 1;
    }

    private static RatingOverride mapOverride(ResultSet rs, int n) throws SQLException {
        return overrideAfter(rs, 0);
    }

    /** The override in the columns after the first {@code c}. */
    private static RatingOverride overrideAfter(ResultSet rs, int c) throws SQLException {
        return new RatingOverride(rs.getLong(c + 1), rs.getLong(c + 2), rs.getString(c + 3), rs.getString(c + 4),
                rs.getInt(c + 5), rs.getString(c + 6), rs.getString(c + 7), rs.getString(c + 8), rs.getString(c + 9),
                rs.getString(c + 10), rs.getObject(c + 11, OffsetDateTime.class), rs.getString(c + 12),
                rs.getString(c + 13), rs.getString(c + 14), rs.getObject(c + 15, OffsetDateTime.class));
    }

    private Stored map(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getDouble(10), rs.getString(11), rs.getString(12),
                rs.getBoolean(13), rs.getString(14), rs.getString(15), (Integer) rs.getObject(16, Integer.class),
                dbl(rs, 17), dbl(rs, 18), dbl(rs, 19), json.readValue(rs.getString(20), Detail.class), rs.getString(21),
                rs.getString(22), rs.getObject(23, OffsetDateTime.class));
    }

    private static Double dbl(ResultSet rs, int i) throws SQLException {
        BigDecimal b = rs.getBigDecimal(i);
        return b == null ? null : b.doubleValue();
    }

    private static BigDecimal dec(Double d) {
        return d == null ? null : BigDecimal.valueOf(d);
    }
}
