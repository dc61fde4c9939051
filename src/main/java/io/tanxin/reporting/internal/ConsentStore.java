package io.tanxin.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.tanxin.reporting.ReportPurpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ConsentStore {

    public record Row(long id, String uscc, String institutionCode, ReportPurpose purpose, LocalDate validUntil,
            Instant grantedAt, String grantedBy, Instant revokedAt, String revokedBy) {
    }

    private static final String COLUMNS = "id, uscc, institution_code, purpose, valid_until, granted_at, granted_by, "
            + "revoked_at, revoked_by";

    private final JdbcClient jdbc;

    ConsentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String uscc, String institutionCode, ReportPurpose purpose, LocalDate validUntil,
            Instant grantedAt, String grantedBy, String idempotencyKey) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO reporting_consent (uscc, institution_code, purpose, valid_until, granted_at, granted_by, "
                + "idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(uscc, institutionCode, purpose.name(), validUntil, Timestamps.toDb(grantedAt), grantedBy,
                        idempotencyKey)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Only an unrevoked consent is revoked; false if someone revoked it first. */
    public boolean revoke(long id, Instant at, String by) {
        return jdbc.sql("UPDATE reporting_consent SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamps.toDb(at), by, id).update() == 1;
    }

    public Optional<Long> byIdempotencyKey(String grantedBy, String key) {
        return jdbc.sql("SELECT id FROM reporting_consent WHERE granted_by = ? AND idempotency_key = ?")
                .params(grantedBy, key).query(Long.class).optional();
    }

    public Optional<Row> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reporting_consent WHERE id = ?").param(id)
                .query(ConsentStore::row).optional();
    }

    public List<Row> forEnterprise(String uscc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reporting_consent WHERE uscc = ? ORDER BY granted_at DESC, id DESC")
                .param(uscc).query(ConsentStore::row).list();
    }

    public List<Row> forInstitution(String institutionCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reporting_consent WHERE institution_code = ? "
                + "ORDER BY granted_at DESC, id DESC").param(institutionCode).query(ConsentStore::row).list();
    }

    /** The unrevoked consents that are still valid on {@code today}, the longest-lasting first. */
    public List<Row> valid(String uscc, String institutionCode, ReportPurpose purpose, LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reporting_consent WHERE uscc = ? AND institution_code = ? "
                + "AND purpose = ? AND revoked_at IS NULL AND valid_until >= ? ORDER BY valid_until DESC, id DESC")
                .params(uscc, institutionCode, purpose.name(), today).query(ConsentStore::row).list();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("uscc"), rs.getString("institution_code"),
                ReportPurpose.valueOf(rs.getString("purpose")), rs.getObject("valid_until", LocalDate.class),
                Timestamps.read(rs, "granted_at"), rs.getString("granted_by"), Timestamps.read(rs, "revoked_at"),
                rs.getString("revoked_by"));
    }
}
