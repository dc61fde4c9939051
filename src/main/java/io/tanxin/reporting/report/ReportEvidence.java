package io.tanxin.reporting.report;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.tanxin.evidence.EvidenceSource;
import io.tanxin.evidence.OfflineVerifier;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Issued reports in the evidence log ({@code credit_report:<id>}), recomputed from their stored row. */
@Component
class ReportEvidence implements EvidenceSource {

    static final String KIND = OfflineVerifier.REPORT_KIND;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    ReportEvidence(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    record Row(long id, String reportNo, String uscc, Instant issuedAt, String bodySha256) {
    }

    /** An issued report to store: its number and body hash, and the query it answered. */
    record NewReport(String reportNo, String uscc, Instant issuedAt, long queryId, byte[] bodySha256,
            String issuedBy) {
    }

    /** Stores issued reports in one batch (one round trip), in list order, and returns their ids. */
    List<Long> insertAll(List<NewReport> reports) {
        if (reports.isEmpty()) {
            return List.of();
        }
        var keys = new GeneratedKeyHolder();
        batches.batchUpdate(connection -> connection.prepareStatement("INSERT INTO credit_report (report_no, uscc, "
                + "issued_at, query_id, body_sha256, issued_by) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        NewReport r = reports.get(i);
                        ps.setString(1, r.reportNo());
                        ps.setString(2, r.uscc());
                        ps.setTimestamp(3, Timestamp.from(r.issuedAt()));
                        ps.setLong(4, r.queryId());
                        ps.setString(5, HexFormat.of().formatHex(r.bodySha256()));
                        ps.setString(6, r.issuedBy());
                    }

                    @Override
                    public int getBatchSize() {
                        return reports.size();
                    }
                }, keys);
        return io.tanxin.shared.Database.generatedIds(keys);
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
