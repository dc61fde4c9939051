package io.tanxin.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import io.tanxin.rating.engine.Label;
import io.tanxin.rating.engine.RatingEngine;
import io.tanxin.rating.engine.RatingInput;
import io.tanxin.rating.engine.RatingModel;
import io.tanxin.rating.engine.RatingResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The v1 model on hand-made enterprises: stage weights, data-quality and penalty caps, reasons, hints. */
class RatingEngineTest {

    static final RatingModel MODEL = load();

    static RatingModel load() {
        try (InputStream in = RatingEngineTest.class.getResourceAsStream("/rating/model-v1.json")) {
            return JsonMapper.builder().build().readValue(in, RatingModel.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Worse than its industry and improving slowly, but investing heavily in its transition. */
    static RatingInput improver(String stage) {
        return new RatingInput("91140100MA0000001X", 2025, stage, 1.5, 1.0, 1.5 / 0.98, 1.5 / 0.96, 0.28, 85.0, 0.45,
                List.of(), false, 2.0, 12);
    }

    /** An industry leader standing still: low intensity, flat trend, no forward-looking effort. */
    static RatingInput leader(String stage) {
        return new RatingInput("91140100MA0000002X", 2025, stage, 0.4, 1.0, 0.41, 0.42, 0.01, 10.0, 0.0,
                List.of(), false, 2.0, 12);
    }

    @Test
    void sameProfileRatesByStageAsTheWeightsSay() {
        RatingResult initial = RatingEngine.rate(improver("INITIAL"), MODEL);
        RatingResult middle = RatingEngine.rate(improver("MIDDLE"), MODEL);
        RatingResult mature = RatingEngine.rate(improver("MATURE"), MODEL);
        // forward-looking indicators weigh 40% at the initial stage, K 40% at the mature stage
        assertThat(initial.score()).isGreaterThan(middle.score()).isGreaterThan(mature.score());
        assertThat(initial.label()).isEqualTo(Label.LIGHT_GREEN);
        assertThat(mature.label()).isIn(Label.YELLOW, Label.RED);
        double forward = initial.indicators().stream().filter(i -> "FORWARD".equals(i.group()))
                .mapToDouble(RatingResult.IndicatorScore::weight).sum();
        assertThat(forward).isEqualTo(40.0);

        RatingResult leaderInitial = RatingEngine.rate(leader("INITIAL"), MODEL);
        RatingResult leaderMature = RatingEngine.rate(leader("MATURE"), MODEL);
        assertThat(leaderMature.score()).isGreaterThan(leaderInitial.score());
        assertThat(leaderMature.label().worseThan(leaderInitial.label())).isFalse();
        assertThat(leaderMature.kGrade()).isEqualTo(1);
        assertThat(leaderMature.level()).isEqualTo("LOW");

        // middle stage: trend (YOY + three-year) weighs as much as current position (K + level)
        double trend = middle.indicators().stream().filter(i -> "TREND".equals(i.group()))
                .mapToDouble(RatingResult.IndicatorScore::weight).sum();
        double current = middle.indicators().stream().filter(i -> "POSITION".equals(i.group()) || "LEVEL".equals(i.group()))
                .mapToDouble(RatingResult.IndicatorScore::weight).sum();
        assertThat(trend).isEqualTo(current);
    }

    @Test
    void poorDataQualityCapsTheLabelAndLowersConfidence() {
        RatingInput good = leader("MATURE");
        RatingResult base = RatingEngine.rate(good, MODEL);
        assertThat(base.label()).isEqualTo(Label.DARK_GREEN);
        assertThat(base.confidence()).isEqualTo("HIGH");

        RatingResult weak = RatingEngine.rate(withQuality(good, 4.0), MODEL);
        assertThat(weak.score()).isEqualTo(base.score());
        assertThat(weak.scoreLabel()).isEqualTo(Label.DARK_GREEN);
        assertThat(weak.label()).isEqualTo(Label.LIGHT_GREEN);
        assertThat(weak.capped()).isTrue();
        assertThat(weak.caps()).containsExactly("CAP_DATA_QUALITY_WEAK");
        assertThat(weak.confidence()).isEqualTo("LOW");

        RatingResult poor = RatingEngine.rate(withQuality(good, 5.0), MODEL);
        assertThat(poor.label()).isEqualTo(Label.YELLOW);
        assertThat(poor.reasons().get(0).code()).isEqualTo("CAP_DATA_QUALITY_POOR");
    }

    @Test
    void aPenaltyInTheLastThreeYearsCapsAtYellowAndOlderOnesDoNot() {
        RatingInput good = leader("MATURE");
        RatingResult recent = RatingEngine.rate(withPenalty(good, LocalDate.of(2023, 5, 1)), MODEL);
        assertThat(recent.label()).isEqualTo(Label.YELLOW);
        assertThat(recent.caps()).contains("CAP_PENALTY");
        assertThat(recent.reasons()).extracting(RatingResult.Reason::code).contains("CAP_PENALTY", "COMPLIANCE");

        RatingResult old = RatingEngine.rate(withPenalty(good, LocalDate.of(2022, 12, 31)), MODEL);
        assertThat(old.label()).isEqualTo(Label.DARK_GREEN);
        assertThat(old.capped()).isFalse();

        RatingResult ets = RatingEngine.rate(new RatingInput(good.uscc(), 2025, "MATURE", 0.4, 1.0, 0.41, 0.42, 0.01,
                10.0, 0.0, List.of(), true, 2.0, 12), MODEL);
        assertThat(ets.label()).isEqualTo(Label.YELLOW);
        assertThat(ets.caps()).contains("CAP_ETS_NON_COMPLIANT");
    }

    @Test
    void reasonsNameTheCostliestIndicatorsAndHintsSayWhatRaisesTheLabel() {
        RatingInput laggard = new RatingInput("91140100MA0000003X", 2025, "MATURE", 1.5, 1.0, 1.5, 1.5, 0.05, 50.0,
                0.1, List.of(), false, 2.0, 12);
        RatingResult r = RatingEngine.rate(laggard, MODEL);
        assertThat(r.kGrade()).isEqualTo(4);
        assertThat(r.kRatio()).isEqualTo(1.5);
        assertThat(r.reasons().get(0).code()).isEqualTo("K_RATIO");
        assertThat(r.reasons().get(0).textZh()).contains("1.50 倍");
        assertThat(r.hints()).extracting(RatingResult.Hint::textZh).contains("把单位增加值碳排放降至行业平均的 1.2 倍以下可升至 K3");
        assertThat(r.hints()).extracting(RatingResult.Hint::code).contains("SCORE_TO_NEXT_LABEL");
        // deterministic
        assertThat(RatingEngine.rate(laggard, MODEL)).isEqualTo(r);
    }

    @Test
    void missingIndicatorsShareTheirWeightOut() {
        RatingInput firstYear = new RatingInput("91140100MA0000004X", 2023, "MIDDLE", 0.8, 1.0, null, null, null, null,
                null, List.of(), false, 3.0, 12);
        RatingResult r = RatingEngine.rate(firstYear, MODEL);
        double sum = r.indicators().stream().mapToDouble(RatingResult.IndicatorScore::weight).sum();
        assertThat(sum).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(r.indicators().stream().filter(i -> i.value() == null)).hasSize(5);
    }

    static RatingInput withQuality(RatingInput i, double q) {
        return new RatingInput(i.uscc(), i.year(), i.stage(), i.intensity(), i.industryAverage(), i.previousIntensity(),
                i.intensityTwoYearsBefore(), i.reductionInvestmentShare(), i.planProgressPct(), i.greenPowerShare(),
                i.penalties(), i.etsNonCompliant(), q, i.monthsCovered());
    }

    static RatingInput withPenalty(RatingInput i, LocalDate d) {
        return new RatingInput(i.uscc(), i.year(), i.stage(), i.intensity(), i.industryAverage(), i.previousIntensity(),
                i.intensityTwoYearsBefore(), i.reductionInvestmentShare(), i.planProgressPct(), i.greenPowerShare(),
                List.of(new RatingInput.Penalty(d, 50_000)), i.etsNonCompliant(), i.dataQuality(), i.monthsCovered());
    }
}
