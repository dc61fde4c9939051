package io.tanxin.accounting.engine;

import static io.tanxin.accounting.engine.ActivityKind.ELECTRICITY_PURCHASED;
import static io.tanxin.accounting.engine.ActivityKind.ELECTRODE;
import static io.tanxin.accounting.engine.ActivityKind.FIXED_CARBON_PRODUCT;
import static io.tanxin.accounting.engine.ActivityKind.FLUX;
import static io.tanxin.accounting.engine.ActivityKind.FUEL;
import static io.tanxin.accounting.engine.ActivityKind.OUTPUT;
import static io.tanxin.accounting.engine.ActivityKind.PURCHASED_IRON;
import static io.tanxin.accounting.engine.EngineFixtures.a;
import static io.tanxin.accounting.engine.EngineFixtures.calculate;
import static io.tanxin.accounting.engine.EngineFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SteelMethodologyTest {

    @Test
    void handWorkedIntegratedSteelWorks() {
        CalculationResult r = calculate(Methodology.STEEL, 2023,
                a(FUEL, "COKE", "500", "t"),
                a(FUEL, "BLAST_FURNACE_GAS", "1000", "10^4 Nm3"),
                a(FLUX, "LIMESTONE_FLUX", "200", "t"),
                a(FLUX, "DOLOMITE_FLUX", "100000", "kg"),
                a(ELECTRODE, null, "10", "t"),
                a(PURCHASED_IRON, "PURCHASED_PIG_IRON", "1000", "t"),
                a(FIXED_CARBON_PRODUCT, "CRUDE_STEEL_FIXED_CARBON", "10000", "t"),
                a(ELECTRICITY_PURCHASED, null, "2000", "MWh"),
                a(OUTPUT, "CRUDE_STEEL", "10000", "t"));

        // coke: 500 × 28.435 × 0.0295 × 0.93 × 44/12 = 14217.5 GJ → 419.41625 tC → 390.057113 tC → 1430.209413
        double coke = 500 * 28.435 * 0.0295 * 0.93 * 44 / 12;
        // BF gas: 1000 × 33.00 × 0.0708 × 0.99 × 44/12 = 33000 GJ → 2336.4 tC → 2313.036 tC → 8481.132
        double bfg = 1000 * 33.00 * 0.0708 * 0.99 * 44 / 12;
        // process: 200 × 0.440 + 100 × 0.471 + 10 × 3.663 + 1000 × 0.172 = 88 + 47.1 + 36.63 + 172 = 343.73
        double process = 200 * 0.440 + 100 * 0.471 + 10 * 3.663 + 1000 * 0.172;
        // carbon fixed in crude steel: 10000 × 0.0154 = 154
        double fixed = 10000 * 0.0154;

        assertThat(d(r.scope1BySource().get(Scope1Source.COMBUSTION))).isCloseTo(coke + bfg, within(0.01)); // 9911.34
        assertThat(d(r.scope1BySource().get(Scope1Source.PROCESS))).isCloseTo(process, within(0.01));
        assertThat(d(r.scope1BySource().get(Scope1Source.FIXED_CARBON_DEDUCTION))).isCloseTo(-fixed, within(0.01));
        double scope1 = coke + bfg + process - fixed; // 10101.071413
        assertThat(d(r.scope1Tco2e())).isCloseTo(scope1, within(0.01));
        // + 2000 MWh × 0.6634 = 1326.8 → 11427.871413
        double total = scope1 + 2000 * 0.6634;
        assertThat(d(r.totalLocationTco2e())).isCloseTo(total, within(0.01));
        assertThat(d(r.intensity("OUTPUT:CRUDE_STEEL").value())).isCloseTo(total / 10000, within(0.000001));
        assertThat(r.intensity("OUTPUT:CRUDE_STEEL").unit()).isEqualTo("tCO2e/t");

        CalculationLine fixedLine = r.lines().get(6);
        assertThat(fixedLine.category()).isEqualTo(LineCategory.FIXED_CARBON);
        assertThat(d(fixedLine.tco2eLocation())).isCloseTo(-154, within(0.01));
        assertThat(fixedLine.factors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("CRUDE_STEEL_FIXED_CARBON");
            assertThat(f.source()).contains("NDRC steel guideline");
        });
        assertThat(r.lines().get(4).code()).isNull();
        assertThat(r.lines().get(4).factors().get(0).code()).isEqualTo("ELECTRODE");
    }

    @Test
    void processCodeMustBelongToItsKind() {
        assertThatThrownBy(() -> calculate(Methodology.STEEL, 2023, a(FLUX, "ELECTRODE", "1", "t")))
                .isInstanceOf(CalculationException.class)
                .satisfies(e -> {
                    CalculationException c = (CalculationException) e;
                    assertThat(c.errorCode()).isEqualTo(CalculationErrorCode.UNKNOWN_PROCESS_FACTOR);
                    assertThat(c.messageEn()).contains("ELECTRODE");
                    assertThat(c.messageZh()).contains("ELECTRODE");
                });
    }

    @Test
    void steelProcessKindsAreRefusedElsewhere() {
        assertThatThrownBy(() -> calculate(Methodology.GENERAL, 2023, a(FLUX, "LIMESTONE_FLUX", "1", "t")))
                .isInstanceOf(CalculationException.class)
                .hasMessageContaining("ACTIVITY_NOT_ALLOWED");
        assertThatThrownBy(() -> calculate(Methodology.CEMENT, 2023,
                a(FIXED_CARBON_PRODUCT, "CRUDE_STEEL_FIXED_CARBON", "1", "t")))
                .hasMessageContaining("ACTIVITY_NOT_ALLOWED");
    }
}
