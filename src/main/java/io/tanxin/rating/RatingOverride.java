package io.tanxin.rating;

import java.time.OffsetDateTime;

/**
 * A proposed override (kind OVERRIDE: another label, by an AGENCY_ANALYST) or co-signature (kind
 * CO_SIGN: the computed label, by a VERIFIER) of a rating; status PENDING, APPROVED or REJECTED by a
 * different AGENCY_ANALYST.
 */
public record RatingOverride(long id, long ratingId, String uscc, String periodKind, int year, String kind,
        String computedLabel, String proposedLabel, String reason, String proposedBy, OffsetDateTime proposedAt,
        String status, String decidedBy, String decisionReason, OffsetDateTime decidedAt) {
}
