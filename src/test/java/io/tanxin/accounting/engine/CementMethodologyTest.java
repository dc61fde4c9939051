package io.tanxin.accounting.engine;

import static io.tanxin.accounting.engine.ActivityKind.CLINKER;
import static io.tanxin.accounting.engine.ActivityKind.ELECTRICITY_PURCHASED;
import static io.tanxin.accounting.engine.ActivityKind.FUEL;
import static io.tanxin.accounting.engine.ActivityKind.KILN_DUST;
import static io.tanxin.accounting.engine.ActivityKind.OUTPUT;
import static io.tanxin.accounting.engine.ActivityKind.RAW_MEAL;
import static io.tanxin.accounting.engine.EngineFixtures.a;
import static io.tanxin.accounting.engine.EngineFixtures.calculate;
import static io.tanxin.accounting.engine.EngineFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CementMethodologyTest {

    @Test
    void handWorkedCementPlant() {
        CalculationResult r = calculate(Methodology.CEMENT, 2023,
                a(FUEL, "BITUMINOUS", "12000", "t"),
                a(CLINKER, "CLINKER", "100000", "t",
                        Map.of("cao", "0.65", "mgo", "0.02", "nonCarbonateCao", "0.01", "nonCarbonateMgo", "0")),
                a(KILN_DUST, null, "1000", "t"),
                a(RAW_MEAL, null, "155000", "t"),
                a(ELECTRICITY_PURCHASED, null, "8000", "MWh"),
                a(OUTPUT, "CLINKER", "100000", "t"),
                a(OUTPUT, "CEMENT", "130000", "t"));

        // coal: 12000 × 19.570 × 0.0261 × 0.93 × 44/12 = 12 × 1741.74957 = 20900.99484
        double coal = 12000 * 19.570 * 0.0261 * 0.93 * 44 / 12;
        // clinker: 100000 × (0.65 − 0.01) × 0.785714 + 100000 × (0.02 − 0) × 1.091571
        //   = 50285.696 + 2183.142 = 52468.838
        double clinker = 100000 * (0.65 - 0.01) * 0.785714 + 100000 * 0.02 * 1.091571;
        // kiln dust without CaO/MgO: 1000 × 0.52 (default) = 520
        double kilnDust = 1000 * 0.52;
        // raw meal: 155000 × 0.001 × 44/12 = 568.333333
        double rawMeal = 155000 * 0.001 * 44 / 12;

        assertThat(d(r.lines().get(1).tco2eLocation())).isCloseTo(clinker, within(0.01));
        assertThat(d(r.lines().get(2).tco2eLocation())).isCloseTo(kilnDust, within(0.01));
        assertThat(d(r.lines().get(3).tco2eLocation())).isCloseTo(rawMeal, within(0.01));
        double scope1 = coal + clinker + kilnDust + rawMeal; // 74458.166
        assertThat(d(r.scope1Tco2e())).isCloseTo(scope1, within(0.01));
        assertThat(d(r.scope1BySource().get(Scope1Source.PROCESS))).isCloseTo(clinker + kilnDust + rawMeal, within(0.01));
        // + 8000 MWh × 0.6634 = 5307.2 → 79765.366
        double total = scope1 + 8000 * 0.6634;
        assertThat(d(r.totalLocationTco2e())).isCloseTo(total, within(0.01));
        assertThat(d(r.intensity("OUTPUT:CEMENT").value())).isCloseTo(total / 130000, within(0.000001));
        assertThat(d(r.intensity("OUTPUT:CLINKER").value())).isCloseTo(total / 100000, within(0.000001));

        // kiln dust fell back to the default: noted and flagged; clinker used measured values
        assertThat(r.dataQualityFlags()).contains(DataQualityFlag.DEFAULT_CLINKER_FACTOR,
                DataQualityFlag.MEASURED_VALUES_USED);
        assertThat(r.lines().get(2).notes()).extracting(Note::code).containsExactly("DEFAULT_CLINKER_FACTOR");
        assertThat(r.lines().get(1).factors()).extracting(AppliedFactor::code)
                .contains("CLINKER_CALCINATION_CAO", "CLINKER_CALCINATION_MGO");
    }

    @Test
    void clinkerWithoutBothOxidesUsesTheDefaultFactor() {
        CalculationResult r = calculate(Methodology.CEMENT, 2023,
                a(CLINKER, null, "1000", "t", Map.of("cao", "0.65")));
        // only CaO measured: 1000 × 0.52 = 520, never CaO alone (that would drop the MgO share)
        assertThat(d(r.scope1Tco2e())).isCloseTo(1000 * 0.52, within(0.01));
        assertThat(r.notes()).singleElement().satisfies(n -> {
            assertThat(n.zh()).contains("0.52");
            assertThat(n.en()).contains("0.52");
        });
    }

    @Test
    void measuredOrganicCarbonOfRawMeal() {
        CalculationResult r = calculate(Methodology.CEMENT, 2023,
                a(RAW_MEAL, null, "1000", "t", Map.of("organicCarbon", "0.003")));
        // 1000 × 0.003 × 44/12 = 11.0
        assertThat(d(r.scope1Tco2e())).isCloseTo(1000 * 0.003 * 44 / 12, within(0.01));
    }

    @Test
    void nonCarbonateShareAboveTheTotalIsRefused() {
        assertThatThrownBy(() -> calculate(Methodology.CEMENT, 2023,
                a(CLINKER, null, "1000", "t", Map.of("cao", "0.65", "mgo", "0.02", "nonCarbonateCao", "0.7"))))
                .isInstanceOf(CalculationException.class)
                .hasMessageContaining("INVALID_PARAMETER")
                .hasMessageContaining("0.7");
    }
}
