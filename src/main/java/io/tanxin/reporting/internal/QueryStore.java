package io.tanxin.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tanxin.reporting.AccessBasis;
import io.tanxin.reporting.ReportPurpose;
import io.tanxin.shared.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Query records. They are only ever added, never changed. On PostgreSQL the queries of one
 * enterprise are added one transaction at a time (a transaction-scoped advisory lock taken in the
 * INSERT itself, before the id is drawn), so they commit in id order: whoever has read an
 * enterprise's queries up to some id has every one up to it, and {@link #addedAfter} gives the rest.
 */
@Repository
public class QueryStore {

    public record Row(long id, String uscc, Instant queriedAt, String username, String organisationCode,
            AccessBasis basis, ReportPurpose purpose, Long consentId) {
    }

    private static final String COLUMNS = "id, uscc, queried_at, username, organisation_code, basis, purpose, consent_id";

    // the first key of the two-part advisory locks that serialise an enterprise's query records
    private static final int ENTERPRISE_QUERIES_LOCK = 0x7158_5101;

    private final JdbcClient jdbc;
    private final boolean postgres;

    QueryStore(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.postgres = database.postgres();
    }

    /** Whether an enterprise's queries commit in id order here, so that {@link #addedAfter} misses none. */
    public boolean committedInIdOrder() {
        return postgres;
    }

    /** Inserts a query record and returns it as {@link #byId} would read it back. */
    public Row insert(String uscc, Instant at, String username, String organisationCode, AccessBasis basis,
            ReportPurpose purpose, Long consentId) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        var stored = Timestamps.toDb(at);
        if (postgres) {
            // the lock comes first (a materialised CTE the row is selected from), so the id is drawn under it
            jdbc.sql("WITH serialised AS MATERIALIZED (SELECT pg_advisory_xact_lock(?, hashtext(?))) "
                    + "INSERT INTO reporting_query (uscc, queried_at, username, organisation_code, basis, purpose, "
                    + "consent_id) SELECT ?, CAST(? AS TIMESTAMP WITH TIME ZONE), ?, ?, ?, ?, CAST(? AS BIGINT) "
                    + "FROM serialised")
                    .params(ENTERPRISE_QUERIES_LOCK, uscc, uscc, stored, username, organisationCode, basis.name(),
                            purpose.name(), consentId)
                    .update(keys, "id");
        } else {
            jdbc.sql("INSERT INTO reporting_query (uscc, queried_at, username, organisation_code, basis, purpose, "
                    + "consent_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(uscc, stored, username, organisationCode, basis.name(), purpose.name(), consentId)
                    .update(keys, "id");
        }
        return new Row(keys.getKey().longValue(), uscc, stored.toInstant(), username, organisationCode, basis, purpose,
                consentId);
    }

    public Optional<Row> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reporting_query WHERE id = ?").param(id)
                .query(QueryStore::row).optional();
    }

    public List<Row> forEnterprise(String uscc, Instant since, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reporting_query WHERE uscc = ? AND queried_at >= ? "
                + "ORDER BY queried_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(uscc, Timestamps.toDb(since), limit, offset).query(QueryStore::row).list();
    }

    /** Every query of the enterprise since {@code since}, the newest first. */
    public List<Row> allForEnterprise(String uscc, Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reporting_query WHERE uscc = ? AND queried_at >= ? "
                + "ORDER BY queried_at DESC, id DESC").params(uscc, Timestamps.toDb(since)).query(QueryStore::row).list();
    }

    /** The enterprise's queries since {@code since} with ids above {@code id}. */
    public List<Row> addedAfter(String uscc, long id, Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reporting_query WHERE uscc = ? AND id > ? AND queried_at >= ?")
                .params(uscc, id, Timestamps.toDb(since)).query(QueryStore::row).list();
    }

    public long countForEnterprise(String uscc, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM reporting_query WHERE uscc = ? AND queried_at >= ?")
                .params(uscc, Timestamps.toDb(since)).query(Long.class).single();
    }

    public List<Row> forOrganisation(String organisationCode, Instant since, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reporting_query WHERE organisation_code = ? AND queried_at >= ? "
                + "ORDER BY queried_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(organisationCode, Timestamps.toDb(since), limit, offset).query(QueryStore::row).list();
    }

    public long countForOrganisation(String organisationCode, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM reporting_query WHERE organisation_code = ? AND queried_at >= ?")
                .params(organisationCode, Timestamps.toDb(since)).query(Long.class).single();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        // wasNull() answers for the column read last, so the nullable column is read on its own
        long consent = rs.getLong("consent_id");
        Long consentId = rs.wasNull() ? null : consent;
        return new Row(rs.getLong("id"), rs.getString("uscc"), Timestamps.read(rs, "queried_at"),
                rs.getString("username"), rs.getString("organisation_code"), AccessBasis.valueOf(rs.getString("basis")),
                ReportPurpose.valueOf(rs.getString("purpose")), consentId);
    }
}
