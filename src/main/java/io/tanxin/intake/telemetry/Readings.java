package io.tanxin.intake.telemetry;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored interval readings. */
@Repository
class Readings {

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    Readings(JdbcTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    /**
     * Inserts in one batch; a reading whose meter and time are already stored is skipped by the
     * key (a redelivery), on PostgreSQL and on H2 in PostgreSQL mode alike. Answers how many were new.
     */
    int insertNew(List<MeterReading> readings, OffsetDateTime receivedAt) {
        if (readings.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>(readings.size());
        for (MeterReading r : readings) {
            rows.add(new Object[] {r.meterId(), r.time(), r.amount(), r.unit(), receivedAt});
        }
        int[] counts = template.batchUpdate("INSERT INTO reading (meter_id, reading_time, amount, unit, received_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows);
        int inserted = 0;
        for (int c : counts) {
            // the PostgreSQL driver may answer SUCCESS_NO_INFO (-2) for a batched statement
            inserted += c == -2 ? 1 : Math.max(c, 0);
        }
        return inserted;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM reading").query(Long.class).single();
    }

    /** Monthly totals per enterprise, kind and meter unit over readings in (from, to]. */
    List<Total> totals(OffsetDateTime fromExclusive, OffsetDateTime toInclusive, String park, String uscc) {
        StringBuilder sql = new StringBuilder("""
                SELECT m.uscc, m.quantity_kind, m.unit, SUM(r.amount), COUNT(*)
                FROM reading r JOIN meter m ON m.meter_id = r.meter_id
                WHERE r.reading_time > ? AND r.reading_time <= ?""");
        List<Object> params = new ArrayList<>(List.of(fromExclusive, toInclusive));
        if (park != null) {
            sql.append(" AND m.park_code = ?");
            params.add(park);
        }
        if (uscc != null) {
            sql.append(" AND m.uscc = ?");
            params.add(uscc);
        }
        sql.append(" GROUP BY m.uscc, m.quantity_kind, m.unit");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new Total(rs.getString(1), QuantityKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBigDecimal(4), rs.getLong(5)))
                .list();
    }

    record Total(String uscc, QuantityKind kind, String unit, BigDecimal amount, long readings) {
    }

    List<TelemetryStats.MeterActivity> activityPerMeter(String park) {
        String sql = """
                SELECT m.meter_id, m.park_code, m.uscc, m.quantity_kind, COUNT(r.meter_id), MAX(r.reading_time)
                FROM meter m LEFT JOIN reading r ON r.meter_id = m.meter_id
                """ + (park == null ? "" : "WHERE m.park_code = ? ") + """
                GROUP BY m.meter_id, m.park_code, m.uscc, m.quantity_kind ORDER BY m.park_code, m.meter_id""";
        var spec = jdbc.sql(sql);
        if (park != null) {
            spec = spec.param(park);
        }
        return spec.query((rs, i) -> new TelemetryStats.MeterActivity(rs.getString(1), rs.getString(2), rs.getString(3),
                QuantityKind.valueOf(rs.getString(4)), rs.getLong(5), rs.getObject(6, OffsetDateTime.class))).list();
    }
}
