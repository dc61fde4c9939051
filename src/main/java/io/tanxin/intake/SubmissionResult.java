package io.tanxin.intake;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What became of a submission: accepted or rejected whole, with every error, the hash of the raw
 * bytes kept for it, and whether this answer replays an earlier request with the same key.
 */
public record SubmissionResult(long id, String status, SourceType source, Channel channel, String dataset,
        String submittedBy, OffsetDateTime receivedAt, String idempotencyKey, String sha256, long sizeBytes,
        int rowCount, int errorCount, List<RowError> errors, Long evidenceEntryId, boolean replayed) {

    /** A problem in one cell: row (1 = first data row), column, value, reason in Chinese and English. */
    public record RowError(int row, String column, String value, String code, String messageZh, String messageEn) {
    }
}
