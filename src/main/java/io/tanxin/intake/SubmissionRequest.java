package io.tanxin.intake;

/**
 * A submission as received: who sends it for which source, what it holds, and its exact bytes.
 * {@code onlyUscc} confines a self-reporting enterprise to its own rows.
 */
public record SubmissionRequest(Dataset dataset, SourceType source, Channel channel, String submittedBy,
        String onlyUscc, String idempotencyKey, String fileName, String contentType, byte[] raw) {
}
