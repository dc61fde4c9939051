package io.tanxin.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tanxin.reporting.AccessBasis;
import io.tanxin.reporting.ReportPurpose;
import io.tanxin.shared.Database;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate batches;
    private final boolean postgres;

    QueryStore(JdbcClient jdbc, JdbcTemplate batches, Database database) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.postgres = database.postgres();
    }

    /** Whether an enterprise's queries commit in id order here, so that {@link #addedAfter} misses none. */
    public boolean committedInIdOrder() {
        return postgres;
    }

    // the lock comes first (a materialised CTE the row is selected from), so the id is drawn under it
    private static final String INSERT_SERIALISED = "WITH serialised AS MATERIALIZED "
            + "(SELECT pg_advisory_xact_lock(?, hashtext(?))) INSERT INTO reporting_query (uscc, queried_at, username, "
            + "organisation_code, basis, purpose, consent_id) SELECT ?, CAST(? AS TIMESTAMP WITH TIME ZONE), ?, ?, ?, ?, "
            + "CAST(? AS BIGINT) FROM serialised";
    private static final String INSERT_PLAIN = "INSERT INTO reporting_query (uscc, queried_at, username, "
            + "organisation_code, basis, purpose, consent_id) VALUES (?, ?, ?, ?, ?, ?, ?)";

    /** A query record to add: a {@link Row} without its id. */
    public record NewRow(String uscc, Instant queriedAt, String username, String organisationCode, AccessBasis basis,
            ReportPurpose purpose, Long consentId) {
    }

    /** Inserts a query record and returns it as {@link #byId} would read it back. */
    public Row insert(String uscc, Instant at, String username, String organisationCode, AccessBasis basis,
            ReportPurpose purpose, Long consentId) {
        return insertAll(List.of(new NewRow(uscc, at, username, organisationCode, basis, purpose, consentId))).get(0);
    }

    /**
     * Inserts query records in one batch (one round trip), in list order, and returns them as
     * {@link #byId} would read them back. Each enterprise's lock is taken as its first record is
     * inserted and held to the end of the transaction, so callers that insert for several
     * enterprises order the list by enterprise: two transactions then take their locks in one order
     * and never wait for each other in a circle.
     */
    public List<Row> insertAll(List<NewRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        List<java.time.OffsetDateTime> stored = rows.stream().map(r -> Timestamps.toDb(r.queriedAt())).toList();
        batches.batchUpdate(connection -> connection.prepareStatement(postgres ? INSERT_SERIALISED : INSERT_PLAIN,
                new String[] {"id"}), new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        NewRow r = rows.get(i);
                        int p = 1;
                        if (postgres) {
                            ps.setInt(p++, ENTERPRISE_QUERIES_LOCK);
                            ps.setString(p++, r.uscc());
                        }
                        ps.setString(p++, r.uscc());
                        ps.setObject(p++, stored.get(i));
                        ps.setString(p++, r.username());
                        ps.setString(p++, r.organisationCode());
                        ps.setString(p++, r.basis().name());
                        ps.setString(p++, r.purpose().name());
                        if (r.consentId() == null) {
                            ps.setNull(p, Types.BIGINT);
                        } else {
                            ps.setLong(p, r.consentId());
                        }
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        List<Long> ids = Database.generatedIds(keys);
        List<Row> inserted = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            NewRow r = rows.get(i);
            inserted.add(new Row(ids.get(i), r.uscc(),
                    stored.get(i).toInstant(), r.username(), r.organisationCode(), r.basis(), r.purpose(),
                    r.consentId()));
        }
        return inserted;
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

    /**
     * For each enterprise, its queries since {@code since} with ids above the one given for it, in
     * one statement (PostgreSQL only: it is what {@link QueryTails} reads when it knows several
     * enterprises' lists, which it keeps only where {@link #committedInIdOrder}).
     */
    public List<Row> addedAfterEach(Map<String, Long> idByUscc, Instant since) {
        if (idByUscc.isEmpty()) {
            return List.of();
        }
        if (!postgres) {
            throw new IllegalStateException("addedAfterEach reads PostgreSQL arrays");
        }
        String[] usccs = idByUscc.keySet().toArray(String[]::new);
        Long[] after = new Long[usccs.length];
        for (int i = 0; i < usccs.length; i++) {
            after[i] = idByUscc.get(usccs[i]);
        }
        return batches.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("SELECT q.id, q.uscc, q.queried_at, q.username, "
                    + "q.organisation_code, q.basis, q.purpose, q.consent_id FROM unnest(?, ?) AS k(uscc, after_id) "
                    + "JOIN reporting_query q ON q.uscc = k.uscc AND q.id > k.after_id WHERE q.queried_at >= ?");
            ps.setArray(1, connection.createArrayOf("varchar", usccs));
            ps.setArray(2, connection.createArrayOf("bigint", after));
            ps.setObject(3, Timestamps.toDb(since));
            return ps;
        }, QueryStore::row);
    }

    public long countForEnterprise(String uscc, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM reporting_query WHERE uscc = ? AND queried_at >= ?")
                .params(uscc, Timestamps.toDb(since)).query(Long.class).single();
    }

    /** How many of the enterprise's queries are older than {@code since}. */
    public long countBefore(String uscc, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM reporting_query WHERE uscc = ? AND queried_at < ?")
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
