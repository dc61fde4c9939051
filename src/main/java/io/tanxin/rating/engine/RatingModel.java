package io.tanxin.rating.engine;

import java.util.List;
import java.util.Map;

/**
 * A rating model as data (DESIGN §5.4): indicators and their scoring curves, weights per transition
 * stage, label bands, caps and texts. Loaded from a versioned resource; the engine only interprets it.
 *
 * @param kFloor industry averages below this intensity are raised to it before the K ratio is taken,
 *               so that near-zero industries (wind, solar) do not turn noise into grades
 */
public record RatingModel(String version, String descriptionZh, String descriptionEn, double kFloor,
        List<Indicator> indicators, Map<String, Map<String, Double>> weights, List<LabelBand> labels,
        List<Band> levelBands, List<Band> kGrades, List<Cap> caps, Confidence confidence, int reasonCount,
        double reasonMinPoints) {

    /**
     * One indicator: its input {@code code} (see {@link RatingInput#value}), group (POSITION, TREND,
     * LEVEL, FORWARD, COMPLIANCE), the curve from value to score 0–100 (points sorted by x, linear
     * between them, flat outside), and the texts of the reason it gives when it costs points.
     * Texts may use {value} (the input as shown with {@code format}/{@code scale}).
     */
    public record Indicator(String code, String group, String nameZh, String nameEn, List<Point> curve,
            String format, double scale, String reasonZh, String reasonEn, String hintZh, String hintEn) {
    }

    public record Point(double x, double score) {
    }

    /** Scores at or above {@code minScore} earn {@code label}. */
    public record LabelBand(Label label, double minScore) {
    }

    /** A band of a grading scheme: values above {@code lowerExclusive} and at most {@code upperInclusive}. */
    public record Band(String band, Double lowerExclusive, Double upperInclusive, String nameZh, String nameEn) {

        public boolean contains(double v) {
            return (lowerExclusive == null || v > lowerExclusive) && (upperInclusive == null || v <= upperInclusive);
        }
    }

    /**
     * A cap on the best label. Types: DATA_QUALITY_AT_LEAST (threshold = worst score 1–5),
     * PENALTY_WITHIN_YEARS (threshold = years, the rating year included), ETS_NON_COMPLIANT,
     * HIGH_CARBON_LEVEL (level band equal to {@code band}).
     */
    public record Cap(String code, String type, double threshold, String band, Label maxLabel, String reasonZh,
            String reasonEn, String hintZh, String hintEn) {
    }

    /** Confidence from data quality (average 1 best … 5 estimated) and months covered. */
    public record Confidence(double highUpTo, double mediumUpTo, int fullMonths) {
    }
}
