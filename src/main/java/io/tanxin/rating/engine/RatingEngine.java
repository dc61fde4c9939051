package io.tanxin.rating.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rates one enterprise-period by a {@link RatingModel}: plain Java, no I/O, deterministic (the same
 * input and model always give the same result).
 */
public final class RatingEngine {

    public static final String K_RATIO = "K_RATIO";
    public static final String INTENSITY_LEVEL = "INTENSITY_LEVEL";
    public static final String YOY_CHANGE = "YOY_CHANGE";
    public static final String THREE_YEAR_CHANGE = "THREE_YEAR_CHANGE";
    public static final String REDUCTION_INVESTMENT = "REDUCTION_INVESTMENT";
    public static final String PLAN_PROGRESS = "PLAN_PROGRESS";
    public static final String GREEN_POWER = "GREEN_POWER";
    public static final String COMPLIANCE = "COMPLIANCE";

    private RatingEngine() {
    }

    public static RatingResult rate(RatingInput in, RatingModel model) {
        Map<String, Double> weights = model.weights().get(in.stage());
        if (weights == null) {
            throw new IllegalArgumentException("no weights for stage " + in.stage() + " in model " + model.version());
        }
        Map<String, Double> values = values(in, model);
        // indicators without a value share their weight out among the others in proportion
        double available = 0;
        for (RatingModel.Indicator ind : model.indicators()) {
            if (values.get(ind.code()) != null) {
                available += weights.getOrDefault(ind.code(), 0.0);
            }
        }
        List<RatingResult.IndicatorScore> scores = new ArrayList<>();
        double total = 0;
        for (RatingModel.Indicator ind : model.indicators()) {
            Double v = values.get(ind.code());
            double w = weights.getOrDefault(ind.code(), 0.0);
            if (v == null || available <= 0) {
                scores.add(new RatingResult.IndicatorScore(ind.code(), ind.group(), null, null, 0, 0));
                continue;
            }
            double weight = w * 100.0 / available;
            double s = curve(ind.curve(), v);
            total += weight * s / 100.0;
            scores.add(new RatingResult.IndicatorScore(ind.code(), ind.group(), round(v, 4), round(s, 1),
                    round(weight, 2), round(weight * (100.0 - s) / 100.0, 2)));
        }
        double score = round(total, 1);
        Label scoreLabel = label(model, score);

        Double kRatio = values.get(K_RATIO);
        Integer kGrade = kRatio == null ? null : Integer.valueOf(band(model.kGrades(), kRatio).band());
        String level = in.intensity() == null ? null : band(model.levelBands(), in.intensity()).band();

        Label label = scoreLabel;
        List<String> caps = new ArrayList<>();
        List<RatingResult.Hint> hints = new ArrayList<>();
        for (RatingModel.Cap cap : model.caps()) {
            if (applies(cap, in, level) && cap.maxLabel().ordinal() > Label.DARK_GREEN.ordinal()
                    && scoreLabel.ordinal() < cap.maxLabel().ordinal()) {
                label = Label.worst(label, cap.maxLabel());
                caps.add(cap.code());
                hints.add(new RatingResult.Hint(cap.code(), cap.hintZh(), cap.hintEn()));
            }
        }

        List<RatingResult.Reason> reasons = new ArrayList<>();
        Map<String, RatingModel.Indicator> byCode = new LinkedHashMap<>();
        model.indicators().forEach(i -> byCode.put(i.code(), i));
        scores.stream().filter(s -> s.pointsLost() >= model.reasonMinPoints())
                .sorted(Comparator.comparingDouble(RatingResult.IndicatorScore::pointsLost).reversed()
                        .thenComparing(RatingResult.IndicatorScore::code))
                .limit(model.reasonCount())
                .forEach(s -> {
                    RatingModel.Indicator ind = byCode.get(s.code());
                    String shown = show(ind, s.value());
                    reasons.add(new RatingResult.Reason(s.code(), ind.reasonZh().replace("{value}", shown),
                            ind.reasonEn().replace("{value}", shown), s.pointsLost()));
                });
        // the caps first, the strictest first
        reasons.addAll(0, model.caps().stream().filter(c -> caps.contains(c.code()))
                .sorted(Comparator.comparingInt((RatingModel.Cap c) -> c.maxLabel().ordinal()).reversed())
                .map(c -> new RatingResult.Reason(c.code(), c.reasonZh(), c.reasonEn(), 0)).toList());

        // what would raise the label: the next band's score, then the K grade, then the biggest losses
        if (scoreLabel != Label.DARK_GREEN && scoreLabel == label) {
            RatingModel.LabelBand next = model.labels().stream()
                    .filter(b -> b.label().ordinal() == scoreLabel.ordinal() - 1).findFirst().orElse(null);
            if (next != null) {
                String pts = String.format(Locale.ROOT, "%.1f", next.minScore() - score);
                hints.add(new RatingResult.Hint("SCORE_TO_NEXT_LABEL", "综合得分再提高 " + pts + " 分可升至" + next.label().nameZh(),
                        "Raise the score by " + pts + " points to reach " + next.label().nameEn()));
            }
        }
        if (kGrade != null && kGrade > 1) {
            RatingModel.Band better = model.kGrades().stream().filter(b -> b.band().equals(String.valueOf(kGrade - 1)))
                    .findFirst().orElse(null);
            if (better != null && better.upperInclusive() != null) {
                String k = String.format(Locale.ROOT, "%.1f", better.upperInclusive());
                hints.add(new RatingResult.Hint("K_GRADE_UP", "把单位增加值碳排放降至行业平均的 " + k + " 倍以下可升至 K" + (kGrade - 1),
                        "Bring emissions per 10^4 CNY value-added below " + k + " times the industry average to reach K"
                                + (kGrade - 1)));
            }
        }
        reasons.stream().filter(r -> byCode.containsKey(r.code())).limit(2).forEach(r -> {
            RatingModel.Indicator ind = byCode.get(r.code());
            if (ind.hintZh() != null && !K_RATIO.equals(ind.code())) {
                hints.add(new RatingResult.Hint(ind.code(), ind.hintZh(), ind.hintEn()));
            }
        });

        return new RatingResult(model.version(), in.uscc(), in.year(), in.stage(), score, label, scoreLabel,
                !caps.isEmpty(), caps, confidence(model.confidence(), in), level, kGrade,
                kRatio == null ? null : round(kRatio, 3), in.intensity() == null ? null : round(in.intensity(), 4),
                in.industryAverage() == null ? null : round(in.industryAverage(), 4), scores, reasons, hints);
    }

    static Map<String, Double> values(RatingInput in, RatingModel model) {
        Map<String, Double> v = new HashMap<>();
        Double i = in.intensity();
        if (i != null && in.industryAverage() != null) {
            v.put(K_RATIO, i / Math.max(in.industryAverage(), model.kFloor()));
        }
        v.put(INTENSITY_LEVEL, i);
        if (i != null && in.previousIntensity() != null) {
            v.put(YOY_CHANGE, (i - in.previousIntensity()) / Math.max(in.previousIntensity(), model.kFloor()));
        }
        if (i != null && in.intensityTwoYearsBefore() != null) {
            v.put(THREE_YEAR_CHANGE,
                    (i - in.intensityTwoYearsBefore()) / Math.max(in.intensityTwoYearsBefore(), model.kFloor()));
        }
        v.put(REDUCTION_INVESTMENT, in.reductionInvestmentShare());
        v.put(PLAN_PROGRESS, in.planProgressPct());
        v.put(GREEN_POWER, in.greenPowerShare());
        v.put(COMPLIANCE, (double) negativeItems(in, model));
        return v;
    }

    private static int negativeItems(RatingInput in, RatingModel model) {
        int years = model.caps().stream().filter(c -> "PENALTY_WITHIN_YEARS".equals(c.type()))
                .mapToInt(c -> (int) c.threshold()).findFirst().orElse(3);
        return penaltiesWithin(in, years) + (in.etsNonCompliant() ? 1 : 0);
    }

    private static int penaltiesWithin(RatingInput in, int years) {
        int n = 0;
        for (RatingInput.Penalty p : in.penalties()) {
            int y = p.decidedOn().getYear();
            if (y <= in.year() && y > in.year() - years) {
                n++;
            }
        }
        return n;
    }

    private static boolean applies(RatingModel.Cap cap, RatingInput in, String level) {
        return switch (cap.type()) {
            case "DATA_QUALITY_AT_LEAST" -> in.dataQuality() == null || in.dataQuality() >= cap.threshold();
            case "PENALTY_WITHIN_YEARS" -> penaltiesWithin(in, (int) cap.threshold()) > 0;
            case "ETS_NON_COMPLIANT" -> in.etsNonCompliant();
            case "LEVEL_IS" -> cap.band() != null && cap.band().equals(level);
            default -> throw new IllegalArgumentException("unknown cap type " + cap.type());
        };
    }

    private static String confidence(RatingModel.Confidence c, RatingInput in) {
        int rank;
        if (in.dataQuality() == null) {
            rank = 2;
        } else if (in.dataQuality() <= c.highUpTo()) {
            rank = 0;
        } else if (in.dataQuality() <= c.mediumUpTo()) {
            rank = 1;
        } else {
            rank = 2;
        }
        if (in.monthsCovered() < c.fullMonths()) {
            rank = Math.min(2, rank + 1);
        }
        return new String[] {"HIGH", "MEDIUM", "LOW"}[rank];
    }

    static Label label(RatingModel model, double score) {
        return model.labels().stream().filter(b -> score >= b.minScore())
                .min(Comparator.comparingInt(b -> b.label().ordinal())).map(RatingModel.LabelBand::label)
                .orElse(Label.RED);
    }

    static RatingModel.Band band(List<RatingModel.Band> bands, double v) {
        return bands.stream().filter(b -> b.contains(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no band for " + v));
    }

    /** Piecewise-linear between the points, flat beyond the first and last. */
    static double curve(List<RatingModel.Point> points, double x) {
        if (x <= points.get(0).x()) {
            return points.get(0).score();
        }
        for (int k = 1; k < points.size(); k++) {
            RatingModel.Point a = points.get(k - 1);
            RatingModel.Point b = points.get(k);
            if (x <= b.x()) {
                return a.score() + (b.score() - a.score()) * (x - a.x()) / (b.x() - a.x());
            }
        }
        return points.get(points.size() - 1).score();
    }

    private static String show(RatingModel.Indicator ind, Double v) {
        if (v == null) {
            return "";
        }
        return String.format(Locale.ROOT, ind.format() == null ? "%.2f" : ind.format(),
                v * (ind.scale() == 0 ? 1 : ind.scale()));
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
