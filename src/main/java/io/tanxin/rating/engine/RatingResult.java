package io.tanxin.rating.engine;

import java.util.List;

/**
 * The engine's answer: score 0–100, label (after caps) and the label the score alone would earn,
 * carbon-efficiency level and K grade, each indicator's score and weight, the reasons that cost
 * most, what would raise the label, confidence and the model version.
 */
public record RatingResult(String modelVersion, String uscc, int year, String stage, double score, Label label,
        Label scoreLabel, boolean capped, List<String> caps, String confidence, String level, Integer kGrade,
        Double kRatio, Double intensity, Double industryAverage, List<IndicatorScore> indicators,
        List<Reason> reasons, List<Hint> hints) {

    /** weight in percent of the total after unavailable indicators' weight was shared out; value null if unknown. */
    public record IndicatorScore(String code, String group, Double value, Double score, double weight,
            double pointsLost) {
    }

    public record Reason(String code, String textZh, String textEn, double pointsLost) {
    }

    public record Hint(String code, String textZh, String textEn) {
    }
}
