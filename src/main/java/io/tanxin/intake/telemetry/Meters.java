package io.tanxin.intake.telemetry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The meter registry. */
@Repository
class Meters {

    private static final String COLUMNS = "meter_id, park_code, uscc, quantity_kind, unit, registered_by, registered_at";

    private final JdbcClient jdbc;

    Meters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Meter meter) {
        jdbc.sql("INSERT INTO meter (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(meter.meterId(), meter.parkCode(), meter.uscc(), meter.kind().name(), meter.unit(),
                        meter.registeredBy(), meter.registeredAt())
                .update();
    }

    Optional<Meter> find(String meterId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM meter WHERE meter_id = ?").param(meterId).query(Meters::map).optional();
    }

    /** Every meter, or a park's; {@code park} null means all. */
    List<Meter> list(String park) {
        return park == null
                ? jdbc.sql("SELECT " + COLUMNS + " FROM meter ORDER BY park_code, meter_id").query(Meters::map).list()
                : jdbc.sql("SELECT " + COLUMNS + " FROM meter WHERE park_code = ? ORDER BY meter_id").param(park)
                        .query(Meters::map).list();
    }

    private static Meter map(ResultSet rs, int row) throws SQLException {
        return new Meter(rs.getString(1), rs.getString(2), rs.getString(3), QuantityKind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class));
    }
}
