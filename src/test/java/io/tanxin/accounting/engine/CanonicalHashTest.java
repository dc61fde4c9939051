package io.tanxin.accounting.engine;

import static io.tanxin.accounting.engine.ActivityKind.ELECTRICITY_PURCHASED;
import static io.tanxin.accounting.engine.ActivityKind.FUEL;
import static io.tanxin.accounting.engine.EngineFixtures.FACTORS;
import static io.tanxin.accounting.engine.EngineFixtures.a;
import static io.tanxin.accounting.engine.EngineFixtures.shanxi;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalHashTest {

    private final CalculationInput input = shanxi(Methodology.GENERAL, 2023,
            a(FUEL, "NATURAL_GAS", "2.50", "万Nm3", Map.of("ncv", "390", "oxidationRate", "0.99")),
            a(ELECTRICITY_PURCHASED, null, "100", "MWh"));

    @Test
    void isSha256HexAndStable() {
        assertThat(input.canonicalHash(FACTORS)).matches("[0-9a-f]{64}").isEqualTo(input.canonicalHash(FACTORS));
    }

    @Test
    void ignoresActivityOrderScaleAndUnitSpelling() {
        CalculationInput same = shanxi(Methodology.GENERAL, 2023,
                a(ELECTRICITY_PURCHASED, null, "100.000", "mwh"),
                a(FUEL, "NATURAL_GAS", "2.5", "10^4 Nm3", Map.of("oxidationRate", "0.990", "ncv", "390")));
        assertThat(same.canonicalHash(FACTORS)).isEqualTo(input.canonicalHash(FACTORS));
    }

    @Test
    void changesWithAnyFigureOrTheFactorSetVersion() {
        CalculationInput other = shanxi(Methodology.GENERAL, 2023,
                a(FUEL, "NATURAL_GAS", "2.51", "万Nm3", Map.of("ncv", "390", "oxidationRate", "0.99")),
                a(ELECTRICITY_PURCHASED, null, "100", "MWh"));
        assertThat(other.canonicalHash(FACTORS)).isNotEqualTo(input.canonicalHash(FACTORS));
        assertThat(shanxi(Methodology.GENERAL, 2024, input.activities().toArray(Activity[]::new)).canonicalHash(FACTORS))
                .isNotEqualTo(input.canonicalHash(FACTORS));
        FactorSet v2 = new FactorSet(FACTORS.code(), 2, FACTORS.fuels(), FACTORS.electricityFactors(),
                FACTORS.processFactors(), FACTORS.energyConversions());
        assertThat(input.canonicalHash(v2)).isNotEqualTo(input.canonicalHash(FACTORS));
    }
}
