package io.tanxin.intake.internal;

import java.util.HexFormat;
import java.util.Optional;

import io.tanxin.evidence.EvidenceData;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.evidence.RecordEvidence;
import io.tanxin.shared.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts each finished submission into the evidence log: the SHA-256 of its raw bytes with who sent
 * what, when, by which channel and what became of it. The verification job asks for the same bytes
 * again, re-hashing the stored raw content, so a raw file or a submission row changed behind
 * Tanxin's back is named.
 */
@Component
public class SubmissionEvidence extends RecordEvidence {

    static final String KIND = "submission";

    private final JdbcClient jdbc;
    private final String rawHashSql;

    /**
     * The database hashes the stored raw bytes itself: fetching the benchmark's 50 MB file back to
     * hash it in Java (bytea travels as hex text) cost a few hundred ms of the import. It is still
     * the stored content that is hashed, so a raw file changed behind Tanxin's back is still named.
     */
    SubmissionEvidence(EvidenceLog log, JdbcClient jdbc, Database database) {
        super(KIND, log);
        this.jdbc = jdbc;
        this.rawHashSql = database.postgres() ? "sha256(r.content)" : "HASH('SHA-256', r.content)";
    }

    /** In the transaction that finished the submission; its entry id goes on the row for later lookups. */
    @Override
    public long record(long submissionId) {
        long entry = super.record(submissionId);
        jdbc.sql("UPDATE submission SET evidence_entry_id = ? WHERE id = ?").params(entry, submissionId).update();
        return entry;
    }

    @Override
    protected Optional<byte[]> data(long id) {
        return jdbc.sql("SELECT s.id, s.source_type, s.channel, s.dataset, s.submitted_by, s.received_at, s.size_bytes, "
                + "s.raw_truncated, s.status, s.row_count, s.error_count, " + rawHashSql + ", s.sha256 FROM submission s "
                + "JOIN submission_raw r ON r.submission_id = s.id WHERE s.id = ?").param(id)
                .query((rs, i) -> EvidenceData.of(KIND)
                        .put("id", rs.getLong(1))
                        .put("source", rs.getString(2))
                        .put("channel", rs.getString(3))
                        .put("dataset", rs.getString(4))
                        .put("submittedBy", rs.getString(5))
                        .put("receivedAt", rs.getObject(6, java.time.OffsetDateTime.class).toInstant())
                        .put("sizeBytes", rs.getLong(7))
                        .put("rawTruncated", Boolean.toString(rs.getBoolean(8)))
                        .put("status", rs.getString(9))
                        .put("rows", rs.getLong(10))
                        .put("errors", rs.getLong(11))
                        .put("sha256", rs.getString(13))
                        .put("storedRawSha256", HexFormat.of().formatHex(rs.getBytes(12)))
                        .toBytes())
                .optional();
    }
}
