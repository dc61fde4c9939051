package io.tanxin.intake.verification;

import java.math.BigDecimal;

/** A rule's limits for an industry ("*" for all): relative deviation for a warning and a critical finding. */
public record Threshold(String rule, String industryCode, BigDecimal warnAt, BigDecimal criticalAt,
        BigDecimal lowerBound, BigDecimal upperBound, String description) {
}
