package io.tanxin.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.tanxin.reporting.AccessRefusal;
import io.tanxin.reporting.ReportPurpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RefusalStore {

    private static final String COLUMNS = "id, requested_uscc, refused_at, username, organisation_code, roles, purpose, "
            + "problem_code, reason";

    private final JdbcClient jdbc;

    RefusalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String requestedUscc, Instant at, String username, String organisationCode, String roles,
            ReportPurpose purpose, String problemCode, AccessRefusal.Reason reason) {
        jdbc.sql("INSERT INTO reporting_access_refusal (requested_uscc, refused_at, username, organisation_code, roles, "
                + "purpose, problem_code, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(clip(requestedUscc == null ? "" : requestedUscc, 64), Timestamps.toDb(at), clip(username, 64),
                        organisationCode == null ? null : clip(organisationCode, 32), clip(roles, 200),
                        purpose == null ? null : purpose.name(), problemCode, reason.name())
                .update();
    }

    /** Newest first; {@code uscc} null for all. */
    public List<AccessRefusal> find(String uscc, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reporting_access_refusal WHERE (CAST(? AS VARCHAR(64)) IS NULL "
                + "OR requested_uscc = ?) ORDER BY refused_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(uscc, uscc, limit, offset).query(RefusalStore::row).list();
    }

    public long count(String uscc) {
        return jdbc.sql("SELECT COUNT(*) FROM reporting_access_refusal WHERE (CAST(? AS VARCHAR(64)) IS NULL "
                + "OR requested_uscc = ?)").params(uscc, uscc).query(Long.class).single();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static AccessRefusal row(ResultSet rs, int i) throws SQLException {
        String purpose = rs.getString("purpose");
        return new AccessRefusal(rs.getLong("id"), rs.getString("requested_uscc"), Timestamps.read(rs, "refused_at"),
                rs.getString("username"), rs.getString("organisation_code"), rs.getString("roles"),
                purpose == null ? null : ReportPurpose.valueOf(purpose), rs.getString("problem_code"),
                AccessRefusal.Reason.valueOf(rs.getString("reason")));
    }
}
