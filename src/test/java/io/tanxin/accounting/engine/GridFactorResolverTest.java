package io.tanxin.accounting.engine;

import static io.tanxin.accounting.engine.ActivityKind.ELECTRICITY_PURCHASED;
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

class GridFactorResolverTest {

    private final GridFactorResolver grid = FACTORS.grid();

    @Test
    void provincialFactorForThePublishedYear() {
        ResolvedGridFactor r = grid.location("140000", "NORTH_CHINA", 2022);
        assertThat(r.factor().code()).isEqualTo("GRID_PROVINCIAL_SHANXI");
        assertThat(r.factor().value()).isEqualByComparingTo("0.7096");
        assertThat(r.notes()).isEmpty();
        assertThat(grid.location("140400", "NORTH_CHINA", 2023).factor().value())
                .as("a city code finds its province").isEqualByComparingTo("0.6634");
    }

    @Test
    void newerYearUsesTheLatestPublishedYearAndSaysSo() {
        ResolvedGridFactor r = grid.location("140000", "NORTH_CHINA", 2025);
        assertThat(r.factor().dataYear()).isEqualTo(2023);
        assertThat(r.factor().value()).isEqualByComparingTo("0.6634");
        assertThat(r.yearFallback()).isTrue();
        assertThat(r.notes()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("GRID_FACTOR_YEAR_FALLBACK");
            assertThat(n.zh()).contains("2025").contains("2023");
            assertThat(n.en()).contains("2025").contains("2023");
        });

        CalculationResult result = calculate(Methodology.GENERAL, 2025, a(ELECTRICITY_PURCHASED, null, "100", "MWh"));
        // 100 × 0.6634 (2023, latest) and 100 × 0.6096 (2023 residual)
        assertThat(d(result.scope2LocationTco2e())).isCloseTo(100 * 0.6634, within(0.01));
        assertThat(d(result.scope2MarketTco2e())).isCloseTo(100 * 0.6096, within(0.01));
        assertThat(result.dataQualityFlags()).contains(DataQualityFlag.GRID_FACTOR_YEAR_FALLBACK);
        assertThat(result.notes()).extracting(Note::code).containsOnly("GRID_FACTOR_YEAR_FALLBACK");
        assertThat(result.lines().get(0).notes()).isNotEmpty();
    }

    @Test
    void provinceWithoutItsOwnSeriesFallsBackToRegionThenNation() {
        ResolvedGridFactor inner = grid.location("150000", "NORTH_CHINA", 2023);
        assertThat(inner.factor().code()).isEqualTo("GRID_REGIONAL_NORTH_CHINA");
        assertThat(inner.factor().value()).isEqualByComparingTo("0.6361");
        assertThat(inner.regionFallback()).isTrue();
        assertThat(inner.notes()).extracting(Note::code).containsExactly("GRID_FACTOR_REGION_FALLBACK");

        ResolvedGridFactor south = grid.location("440000", "SOUTH_CHINA", 2023);
        assertThat(south.factor().code()).isEqualTo("GRID_NATIONAL_AVG");
        assertThat(south.factor().value()).isEqualByComparingTo("0.5306");

        CalculationResult result = ENGINE.calculate(new CalculationInput(Methodology.GENERAL, "150000", "NORTH_CHINA",
                2023, List.of(a(ELECTRICITY_PURCHASED, null, "1000", "MWh"))), FACTORS);
        assertThat(d(result.scope2LocationTco2e())).isCloseTo(1000 * 0.6361, within(0.01));
        assertThat(result.dataQualityFlags()).contains(DataQualityFlag.GRID_FACTOR_REGION_FALLBACK);
    }

    @Test
    void marketBasedUsesTheResidualFactorNeverTheEtsOne() {
        assertThat(grid.marketResidual("140000", "NORTH_CHINA", 2023).factor().value()).isEqualByComparingTo("0.6096");
        for (int year = 2021; year <= 2026; year++) {
            assertThat(grid.location("140000", "NORTH_CHINA", year).factor().basis()).isEqualTo("location");
            assertThat(grid.marketResidual("140000", "NORTH_CHINA", year).factor().basis()).isEqualTo("market-residual");
        }
        // no location series exists only as ETS: a national lookup must not return ETS_GRID_AVG
        assertThat(grid.location(null, null, 2024).factor().code()).isEqualTo("GRID_NATIONAL_AVG");
    }

    @Test
    void heatUsesTheUndatedDefault() {
        assertThat(grid.heat(2023).factor().value()).isEqualByComparingTo("0.11");
        assertThat(grid.heat(2023).factor().unit()).isEqualTo("tCO2/GJ");
    }

    @Test
    void yearOlderThanEveryPublishedFactorIsRefusedNotZero() {
        assertThatThrownBy(() -> grid.location("140000", "NORTH_CHINA", 2015))
                .isInstanceOf(CalculationException.class)
                .satisfies(e -> {
                    CalculationException c = (CalculationException) e;
                    assertThat(c.errorCode()).isEqualTo(CalculationErrorCode.FACTOR_MISSING);
                    assertThat(c.messageZh()).contains("2015");
                    assertThat(c.messageEn()).contains("2015");
                });
        assertThatThrownBy(() -> calculate(Methodology.GENERAL, 2015, a(ELECTRICITY_PURCHASED, null, "1", "MWh")))
                .hasMessageContaining("FACTOR_MISSING");
    }

    @Test
    void answersAreCached() {
        assertThat(grid.location("140000", "NORTH_CHINA", 2023)).isSameAs(grid.location("140000", "NORTH_CHINA", 2023));
    }
}
