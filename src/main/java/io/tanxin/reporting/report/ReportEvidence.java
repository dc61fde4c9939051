package io.tanxin.reporting.report;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import io.tanxin.evidence.EvidenceSource;
import io.tanxin.evidence.OfflineVerifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Issued reports in the evidence log ({@code credit_report:<id>}), recomputed from their stored row. */
@Component
class ReportEvidence implements EvidenceSource {

    static final String KIND = OfflineVerifier.REPORT_KIND;

    private final JdbcClient jdbc;

    ReportEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long id, String reportNo, String uscc, Instant issuedAt, String bodySha256) {
    }

    /** Stores an issued report, number and body hash at once, and returns its id. */
    long insert(String reportNo, String uscc, Instant issuedAt, long queryId, byte[] bodySha256, String issuedBy) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO credit_report (report_no, uscc, issued_at, query_id, body_sha256, issued_by) "
                + "VALUES (?, ?, ?, ?, ?, ?)").params(reportNo, uscc, java.sql.Timestamp.from(issuedAt), queryId,
                        HexFormat.of().formatHex(bodySha256), issuedBy).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    static String ref(long id) {
        return KIND + ":" + id;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<byte[]> recompute(String recordRef) {
        long id = Long.parseLong(recordRef.substring(KIND.length() + 1));
        return jdbc.sql("SELECT id, report_no, uscc, issued_at, body_sha256 FROM credit_report WHERE id = ?").param(id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .optional().map(r -> OfflineVerifier.reportLeafData(r.reportNo(), r.uscc(), r.issuedAt(),
                        HexFormat.of().parseHex(r.bodySha256())));
    }
}
