package io.tanxin.accounting.engine;

import static io.tanxin.accounting.engine.ActivityKind.ELECTRICITY_EXPORTED;
import static io.tanxin.accounting.engine.ActivityKind.ELECTRICITY_PURCHASED;
import static io.tanxin.accounting.engine.ActivityKind.FUEL;
import static io.tanxin.accounting.engine.ActivityKind.HEAT_EXPORTED;
import static io.tanxin.accounting.engine.ActivityKind.OUTPUT;
import static io.tanxin.accounting.engine.ActivityKind.VALUE_ADDED;
import static io.tanxin.accounting.engine.EngineFixtures.a;
import static io.tanxin.accounting.engine.EngineFixtures.calculate;
import static io.tanxin.accounting.engine.EngineFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneralMethodologyTest {

    /** A battery maker with rooftop solar that exports some power and some heat. */
    private static CalculationResult batteryPlant() {
        return calculate(Methodology.GENERAL, 2023,
                a(FUEL, "DIESEL", "2000", "kg"),
                a(FUEL, "NATURAL_GAS", "50000", "Nm3"),
                a(ELECTRICITY_PURCHASED, null, "800000", "kWh"),
                a(ELECTRICITY_EXPORTED, null, "100", "MWh"),
                a(HEAT_EXPORTED, null, "100", "GJ"),
                a(VALUE_ADDED, null, "5000000", "元"),
                a(OUTPUT, "BATTERY_PACK", "1200", "台"));
    }

    @Test
    void handWorkedGeneralAccount() {
        CalculationResult r = batteryPlant();

        // diesel 2000 kg = 2 t: 2 × 42.652 × 0.0202 × 0.98 × 44/12 = 85.304 GJ → 1.7231408 tC → 1.688678 tC → 6.191819
        double diesel = 2 * 42.652 * 0.0202 * 0.98 * 44 / 12;
        // gas 50000 Nm3 = 5 × 10^4 Nm3: 5 × 389.31 × 0.0153 × 0.99 × 44/12 = 1946.55 GJ → 29.782215 tC → 108.109441
        double gas = 5 * 389.31 * 0.0153 * 0.99 * 44 / 12;
        assertThat(d(r.scope1Tco2e())).isCloseTo(diesel + gas, within(0.01)); // 114.30
        assertThat(d(r.lines().get(0).tco2eLocation())).isCloseTo(6.19, within(0.01));
        assertThat(r.lines().get(0).convertedQuantity()).isEqualByComparingTo("2");
        assertThat(r.lines().get(1).convertedUnit()).isEqualTo("10^4 Nm3");

        // purchased 800000 kWh = 800 MWh: 800 × 0.6634 = 530.72 location, 800 × 0.6096 = 487.68 market
        assertThat(d(r.scope2LocationTco2e())).isCloseTo(800 * 0.6634, within(0.01));
        assertThat(d(r.scope2MarketTco2e())).isCloseTo(800 * 0.6096, within(0.01));
        // exports: 100 MWh × 0.6634 + 100 GJ × 0.11 = 66.34 + 11 = 77.34; market 100 × 0.6096 + 11 = 71.96
        assertThat(d(r.exportedLocationTco2e())).isCloseTo(100 * 0.6634 + 100 * 0.11, within(0.01));
        assertThat(d(r.exportedMarketTco2e())).isCloseTo(100 * 0.6096 + 100 * 0.11, within(0.01));

        double totalLocation = diesel + gas + 530.72 - 77.34; // 567.681260
        assertThat(d(r.totalLocationTco2e())).isCloseTo(totalLocation, within(0.01));
        assertThat(d(r.totalMarketTco2e())).isCloseTo(diesel + gas + 487.68 - 71.96, within(0.01)); // 530.02

        // energy: (85.304 + 1946.55) GJ / 29.3076 + (800 − 100) MWh × 0.1229 − 100 GJ × 0.03412
        //   = 69.32857 + 86.03 − 3.412 = 151.94657 tce
        double energy = (85.304 + 1946.55) / 29.3076 + 700 * 0.1229 - 100 * 0.03412;
        assertThat(d(r.energyTce())).isCloseTo(energy, within(0.01));

        // 5,000,000 元 = 500 万元: 567.68 / 500 = 1.135363 tCO2e per 10^4 CNY
        Intensity perValueAdded = r.intensity(Intensity.VALUE_ADDED);
        assertThat(d(perValueAdded.value())).isCloseTo(totalLocation / 500, within(0.0001));
        assertThat(perValueAdded.unit()).isEqualTo("tCO2e/10^4 CNY");
        Intensity perPack = r.intensity("OUTPUT:BATTERY_PACK");
        assertThat(d(perPack.value())).isCloseTo(totalLocation / 1200, within(0.0001));
        assertThat(perPack.unit()).isEqualTo("tCO2e/台");
        assertThat(d(r.intensity(Intensity.ENERGY).value())).isCloseTo(totalLocation / energy, within(0.0001));
    }

    @Test
    void linesAddUpToTheTotals() {
        CalculationResult r = batteryPlant();
        BigDecimal location = r.lines().stream().map(CalculationLine::tco2eLocation).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal market = r.lines().stream().map(CalculationLine::tco2eMarket).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(d(location)).isCloseTo(d(r.totalLocationTco2e()), within(0.00001));
        assertThat(d(market)).isCloseTo(d(r.totalMarketTco2e()), within(0.00001));
        assertThat(r.lines()).extracting(CalculationLine::category).containsExactly(
                LineCategory.SCOPE1_COMBUSTION, LineCategory.SCOPE1_COMBUSTION, LineCategory.SCOPE2_ELECTRICITY,
                LineCategory.EXPORT, LineCategory.EXPORT, LineCategory.DENOMINATOR, LineCategory.DENOMINATOR);
        assertThat(r.totalLocationTco2e().scale()).isEqualTo(6);
    }

    @Test
    void measuredNcvOverridesTheDefaultAndIsRecorded() {
        CalculationResult r = calculate(Methodology.GENERAL, 2023,
                a(FUEL, "BITUMINOUS", "1000", "t", Map.of("ncv", "22.0")));
        // 1000 × 22.0 (measured) × 0.0261 × 0.93 × 44/12 = 22000 GJ → 574.2 tC → 534.006 tC → 1958.022
        assertThat(d(r.scope1Tco2e())).isCloseTo(1000 * 22.0 * 0.0261 * 0.93 * 44 / 12, within(0.01));
        assertThat(r.dataQualityFlags()).contains(DataQualityFlag.MEASURED_VALUES_USED);
        assertThat(r.notes()).extracting(Note::code).contains("MEASURED_FUEL_PARAMETERS");
        assertThat(r.notes().get(0).en()).contains("22.0");
        assertThat(r.lines().get(0).factors()).anySatisfy(f -> {
            assertThat(f.value()).isEqualByComparingTo("22.0");
            assertThat(f.source()).isEqualTo("measured");
        });
        // and the energy use follows the measured heat value: 22000 GJ / 29.3076
        assertThat(d(r.energyTce())).isCloseTo(22000 / 29.3076, within(0.01));
    }

    @Test
    void measuredCarbonContentAndOxidationOverrideToo() {
        CalculationResult r = calculate(Methodology.GENERAL, 2023,
                a(FUEL, "ANTHRACITE", "100", "t", Map.of("carbonContent", "0.028", "oxidationRate", "0.98")));
        // 100 × 26.7 × 0.028 × 0.98 × 44/12 = 2670 GJ → 74.76 tC → 73.2648 tC → 268.6376
        assertThat(d(r.scope1Tco2e())).isCloseTo(100 * 26.7 * 0.028 * 0.98 * 44 / 12, within(0.01));
    }

    @Test
    void unconfirmedReferenceFactorsAreFlagged() {
        CalculationResult r = calculate(Methodology.GENERAL, 2023, a(FUEL, "RAW_COAL", "10", "t"));
        assertThat(r.dataQualityFlags()).contains(DataQualityFlag.UNCONFIRMED_FACTOR);
        assertThat(calculate(Methodology.GENERAL, 2023, a(FUEL, "BITUMINOUS", "10", "t")).dataQualityFlags())
                .doesNotContain(DataQualityFlag.UNCONFIRMED_FACTOR);
    }

    @Test
    void emptyAccountIsZeroWithAbsentIntensities() {
        CalculationResult r = calculate(Methodology.GENERAL, 2023);
        assertThat(r.totalLocationTco2e()).isZero();
        assertThat(r.energyTce()).isZero();
        assertThat(r.intensities()).allSatisfy(i -> assertThat(i.value()).isNull());
    }

    @Test
    void outputsOfOneCodeAddUpInTheFirstUnit() {
        CalculationResult r = calculate(Methodology.GENERAL, 2023,
                a(FUEL, "DIESEL", "1", "t"),
                a(OUTPUT, "SCRAP", "2", "t"),
                a(OUTPUT, "SCRAP", "500", "kg"),
                a(OUTPUT, "PACK", "10", "台"),
                a(OUTPUT, "PACK", "5", "台"));
        double diesel = 1 * 42.652 * 0.0202 * 0.98 * 44 / 12; // 3.095910
        assertThat(d(r.intensity("OUTPUT:SCRAP").value())).isCloseTo(diesel / 2.5, within(0.000001));
        assertThat(d(r.intensity("OUTPUT:PACK").value())).isCloseTo(diesel / 15, within(0.000001));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> calculate(Methodology.GENERAL, 2023,
                a(OUTPUT, "PACK", "10", "台"), a(OUTPUT, "PACK", "5", "t"))))
                .hasMessageContaining("UNIT_NOT_CONVERTIBLE");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> calculate(Methodology.GENERAL, 2023,
                a(OUTPUT, "SCRAP", "10", "t"), a(OUTPUT, "SCRAP", "5", "台"))))
                .hasMessageContaining("UNKNOWN_UNIT");
    }

    @Test
    void aNullMeasurementIsAnInvalidParameter() {
        java.util.Map<String, BigDecimal> params = new java.util.HashMap<>();
        params.put("ncv", null);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> EngineFixtures.ENGINE.calculate(
                EngineFixtures.shanxi(Methodology.GENERAL, 2023,
                        new Activity(FUEL, "DIESEL", BigDecimal.ONE, "t", params)), EngineFixtures.FACTORS)))
                .hasMessageContaining("INVALID_PARAMETER");
    }
}
