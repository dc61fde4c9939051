package io.tanxin.rating;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One stored rating of an enterprise for a year ({@code periodKind} YEAR) or the twelve months to
 * {@code periodEnd} (ROLLING_12M). {@code label} is the label in force: an approved override's, else
 * {@code computedLabel} (the model's, after caps); {@code scoreLabel} is what the score alone earns.
 * Labels: DARK_GREEN 深绿, LIGHT_GREEN 浅绿, YELLOW 黄, RED 红.
 */
public record Rating(long id, String uscc, String periodKind, int year, String periodEnd, String modelVersion,
        String industryCode, String regionCode, String stage, double score, String label, String labelZh,
        String computedLabel, String scoreLabel, boolean capped, List<String> caps, String confidence,
        String carbonLevel, Integer kGrade, Double kRatio, Double intensity, Double industryAverage,
        List<IndicatorScore> indicators, List<Reason> reasons, List<Hint> hints, Review override, Review coSign,
        String cause, OffsetDateTime createdAt) {

    /** value null when the indicator had no data (its weight was shared out among the others). */
    public record IndicatorScore(String code, String group, String nameZh, String nameEn, Double value, Double score,
            double weight, double pointsLost) {
    }

    public record Reason(String code, String textZh, String textEn, double pointsLost) {
    }

    public record Hint(String code, String textZh, String textEn) {
    }

    /** An approved override or co-signature in force: who proposed, who approved, why. */
    public record Review(long id, String kind, String label, String reason, String proposedBy, String approvedBy,
            String decisionReason, OffsetDateTime decidedAt) {
    }

    public static String labelZh(String label) {
        return switch (label) {
            case "DARK_GREEN" -> "深绿";
            case "LIGHT_GREEN" -> "浅绿";
            case "YELLOW" -> "黄";
            case "RED" -> "红";
            default -> label;
        };
    }
}
