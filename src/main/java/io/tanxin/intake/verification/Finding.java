package io.tanxin.intake.verification;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A disagreement verification found, for an enterprise and a month (or year). */
public record Finding(long id, String uscc, String period, String rule, String subject, Severity severity,
        FindingStatus status, BigDecimal measured, BigDecimal expected, BigDecimal deviation, String messageZh,
        String messageEn, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
