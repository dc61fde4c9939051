package io.tanxin.accounting.engine;

import static io.tanxin.accounting.engine.ActivityKind.ELECTRICITY_PURCHASED;
import static io.tanxin.accounting.engine.ActivityKind.FUEL;
import static io.tanxin.accounting.engine.ActivityKind.GREEN_ELECTRICITY;
import static io.tanxin.accounting.engine.ActivityKind.HEAT_PURCHASED;
import static io.tanxin.accounting.engine.ActivityKind.OUTPUT;
import static io.tanxin.accounting.engine.EngineFixtures.ENGINE;
import static io.tanxin.accounting.engine.EngineFixtures.FACTORS;
import static io.tanxin.accounting.engine.EngineFixtures.a;
import static io.tanxin.accounting.engine.EngineFixtures.calculate;
import static io.tanxin.accounting.engine.EngineFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PowerMethodologyTest {

    /**
     * The public contract's example: industry 4411 (thermal power → POWER), region 140400
     * (Changzhi, province 140000, NORTH_CHINA), 2023.
     */
    @Test
    void publicContractExampleForChangzhiThermalPowerIn2023() {
        CalculationInput input = new CalculationInput(Methodology.valueOf("POWER"), "140400", "NORTH_CHINA", 2023,
                List.of(a(FUEL, "BITUMINOUS", "1000", "t"),
                        a(ELECTRICITY_PURCHASED, null, "5000", "MWh"),
                        a(GREEN_ELECTRICITY, null, "1000", "MWh"),
                        a(HEAT_PURCHASED, null, "2000", "GJ")));

        CalculationResult r = ENGINE.calculate(input, FACTORS);

        // AD × NCV × CC × OF × 44/12 = 1000 × 19.570 × 0.0261 × 0.93 × 44/12
        //   = 19570 GJ × 0.0261 = 510.777 tC × 0.93 = 475.02261 tC × 44/12 = 1741.74957 tCO2
        double combustion = 1000 * 19.570 * 0.0261 * 0.93 * 44 / 12;
        assertThat(combustion).isCloseTo(1741.74957, within(0.00001));
        assertThat(d(r.scope1Tco2e())).isCloseTo(combustion, within(0.01));
        assertThat(d(r.scope1BySource().get(Scope1Source.COMBUSTION))).isCloseTo(1741.75, within(0.01));

        // location: 5000 MWh × 0.6634 (Shanxi 2023) + 2000 GJ × 0.11 = 3317 + 220 = 3537
        double scope2Location = 5000 * 0.6634 + 2000 * 0.11;
        assertThat(d(r.scope2LocationTco2e())).isCloseTo(scope2Location, within(0.01));
        // market: (5000 − 1000) MWh × 0.6096 (national residual 2023) + 220 = 2438.4 + 220 = 2658.4
        double scope2Market = 4000 * 0.6096 + 2000 * 0.11;
        assertThat(d(r.scope2MarketTco2e())).isCloseTo(scope2Market, within(0.01));

        assertThat(d(r.totalLocationTco2e())).isCloseTo(1741.74957 + 3537, within(0.01)); // 5278.75
        assertThat(d(r.totalMarketTco2e())).isCloseTo(1741.74957 + 2658.4, within(0.01)); // 4400.15
        assertThat(r.exportedLocationTco2e()).isZero();

        // energy: 19570 GJ / 29.3076 + 5000 MWh × 0.1229 + 2000 GJ × 0.03412
        //   = 667.74488 + 614.5 + 68.24 = 1350.48488 tce (green power is still energy used)
        double energy = 19570 / 29.3076 + 5000 * 0.1229 + 2000 * 0.03412;
        assertThat(d(r.energyTce())).isCloseTo(energy, within(0.01));
        assertThat(d(r.intensity(Intensity.ENERGY).value())).isCloseTo(5278.74957 / energy, within(0.0001));
        assertThat(r.intensity(Intensity.VALUE_ADDED).value()).isNull();

        CalculationLine electricity = r.lines().get(1);
        assertThat(electricity.factors()).extracting(AppliedFactor::code, AppliedFactor::dataYear)
                .contains(org.assertj.core.groups.Tuple.tuple("GRID_PROVINCIAL_SHANXI", 2023),
                        org.assertj.core.groups.Tuple.tuple("GRID_NATIONAL_EXCL_MARKET_NONFOSSIL", 2023));
        assertThat(electricity.factors()).allSatisfy(f -> assertThat(f.source()).isNotBlank());
        assertThat(r.notes()).isEmpty();
        assertThat(r.engineVersion()).isEqualTo("1.0.0");
    }

    @Test
    void combinedHeatAndPowerSplitsEmissionsByEnergyShare() {
        CalculationResult r = calculate(Methodology.POWER, 2023,
                a(FUEL, "NATURAL_GAS", "100", "万Nm3"),
                a(OUTPUT, "ELECTRICITY_SUPPLIED", "15000000", "kWh"),
                a(OUTPUT, "HEAT_SUPPLIED", "30000", "GJ"));

        // 100 × 389.31 × 0.0153 × 0.99 × 44/12 = 38931 GJ → 595.6443 tC → 589.687857 tC → 2162.188809 tCO2
        double total = 100 * 389.31 * 0.0153 * 0.99 * 44 / 12;
        assertThat(d(r.totalLocationTco2e())).isCloseTo(total, within(0.01));
        // electricity 15000 MWh × 3.6 = 54000 GJ, heat 30000 GJ: shares 54000/84000 and 30000/84000
        double electricityPerMwh = total * (54000.0 / 84000) / 15000; // 0.0926652
        double heatPerGj = total * (30000.0 / 84000) / 30000; // 0.0257403
        assertThat(d(r.intensity("OUTPUT:ELECTRICITY_SUPPLIED").value())).isCloseTo(electricityPerMwh, within(0.000001));
        assertThat(r.intensity("OUTPUT:ELECTRICITY_SUPPLIED").unit()).isEqualTo("tCO2e/MWh");
        assertThat(d(r.intensity("OUTPUT:HEAT_SUPPLIED").value())).isCloseTo(heatPerGj, within(0.000001));
        assertThat(r.intensity("OUTPUT:HEAT_SUPPLIED").unit()).isEqualTo("tCO2e/GJ");
        assertThat(r.notes()).extracting(Note::code).contains("CHP_ENERGY_ALLOCATION");
        assertThat(r.lines().get(1).convertedQuantity()).isEqualByComparingTo("15000");
    }

    @Test
    void electricityOnlyPlantIntensityIsPerMwhSupplied() {
        CalculationResult r = calculate(Methodology.POWER, 2023,
                a(FUEL, "BITUMINOUS", "1000", "t"),
                a(OUTPUT, "ELECTRICITY_SUPPLIED", "2000", "MWh"));
        // 1741.74957 t / 2000 MWh = 0.870875
        assertThat(d(r.intensity("OUTPUT:ELECTRICITY_SUPPLIED").value()))
                .isCloseTo(1000 * 19.570 * 0.0261 * 0.93 * 44 / 12 / 2000, within(0.000001));
    }

    @Test
    void powerSoldToTheGridIsAnOutputNotAnExport() {
        assertThatThrownBy(() -> calculate(Methodology.POWER, 2023,
                a(ActivityKind.ELECTRICITY_EXPORTED, null, "100", "MWh")))
                .isInstanceOf(CalculationException.class)
                .extracting(e -> ((CalculationException) e).code())
                .isEqualTo("ACTIVITY_NOT_ALLOWED");
    }
}
