package io.tanxin.intake.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.tanxin.intake.Channel;
import io.tanxin.intake.SourceType;
import io.tanxin.intake.SubmissionResult;
import io.tanxin.intake.SubmissionResult.RowError;
import io.tanxin.shared.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Submissions and their raw bytes. The raw bytes are written once and never changed. */
@Repository
public class SubmissionStore {

    private static final TypeReference<List<RowError>> ERRORS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, status, source_type, channel, dataset, submitted_by, received_at, "
            + "idempotency_key, sha256, size_bytes, row_count, error_count, errors, evidence_entry_id";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String lockClause;

    /**
     * On PostgreSQL the weaker row lock: it still serialises two attempts at the same submission, but
     * lets {@link RawKeeper} insert the raw bytes meanwhile (their foreign key takes a KEY SHARE lock
     * on this row, which FOR UPDATE would block until the import ends, and the import waits for them).
     */
    SubmissionStore(JdbcClient jdbc, JsonMapper json, Database database) {
        this.jdbc = jdbc;
        this.json = json;
        this.lockClause = database.postgres() ? "FOR NO KEY UPDATE" : "FOR UPDATE";
    }

    public record NewSubmission(SourceType source, Channel channel, String dataset, String submittedBy,
            OffsetDateTime receivedAt, String idempotencyKey, String fileName, String contentType, long sizeBytes,
            String sha256, boolean rawTruncated) {
    }

    /** The submission's row; its raw bytes follow through {@link RawKeeper}, in a transaction of their own. */
    public long insertReceived(NewSubmission s) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO submission (source_type, channel, dataset, submitted_by, received_at, idempotency_key,
                    file_name, content_type, size_bytes, sha256, raw_truncated, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED')""")
                .params(s.source().name(), s.channel().name(), s.dataset(), s.submittedBy(), s.receivedAt(),
                        s.idempotencyKey(), cut(s.fileName(), 255), cut(s.contentType(), 128), s.sizeBytes(), s.sha256(),
                        s.rawTruncated())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A client's file name and content type are labels: cut to their columns, never a reason to lose the bytes. */
    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** The submitter's own earlier submission under this key: keys are each submitter's, never shared. */
    public Optional<SubmissionResult> byKey(String submittedBy, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM submission WHERE submitted_by = ? AND idempotency_key = ?")
                .params(submittedBy, idempotencyKey).query(this::result).optional();
    }

    public Optional<SubmissionResult> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM submission WHERE id = ?").param(id).query(this::result).optional();
    }

    /** Locks the row so that two retries of the same key never process it twice at once. */
    public Optional<String> lockStatus(long id) {
        return jdbc.sql("SELECT status FROM submission WHERE id = ? " + lockClause).param(id).query(String.class).optional();
    }

    /** Empty for the moment between a submission's row and its raw bytes being committed. */
    public Optional<byte[]> raw(long id) {
        return jdbc.sql("SELECT content FROM submission_raw WHERE submission_id = ?").param(id).query(byte[].class).optional();
    }

    public void finish(long id, String status, int rows, List<RowError> errors, int errorCount) {
        jdbc.sql("UPDATE submission SET status = ?, row_count = ?, error_count = ?, errors = ?, processed_at = ? "
                + "WHERE id = ?")
                .params(status, rows, errorCount, errors.isEmpty() ? null : json.writeValueAsString(errors),
                        OffsetDateTime.now(), id)
                .update();
    }

    public void setEvidenceEntry(long id, long entryId) {
        jdbc.sql("UPDATE submission SET evidence_entry_id = ? WHERE id = ?").params(entryId, id).update();
    }

    public List<SubmissionResult> list(String submittedBy, int page, int size) {
        String where = submittedBy == null ? "" : " WHERE submitted_by = ?";
        var spec = jdbc.sql("SELECT " + COLUMNS + " FROM submission" + where + " ORDER BY id DESC LIMIT ? OFFSET ?");
        if (submittedBy != null) {
            spec = spec.param(submittedBy);
        }
        return spec.param(size).param((long) page * size).query(this::result).list();
    }

    private SubmissionResult result(ResultSet rs, int row) throws SQLException {
        long evidence = rs.getLong("evidence_entry_id");
        boolean noEvidence = rs.wasNull();
        String errors = rs.getString("errors");
        return new SubmissionResult(rs.getLong("id"), rs.getString("status"),
                SourceType.valueOf(rs.getString("source_type")), Channel.valueOf(rs.getString("channel")),
                rs.getString("dataset"), rs.getString("submitted_by"), rs.getObject("received_at", OffsetDateTime.class),
                rs.getString("idempotency_key"), rs.getString("sha256"), rs.getLong("size_bytes"),
                rs.getInt("row_count"), rs.getInt("error_count"),
                errors == null ? List.of() : json.readValue(errors, ERRORS), noEvidence ? null : evidence, false);
    }
}
