package io.tanxin.accounting.engine;

import static io.tanxin.accounting.engine.ActivityKind.COKING_INPUT;
import static io.tanxin.accounting.engine.ActivityKind.COKING_OUTPUT;
import static io.tanxin.accounting.engine.ActivityKind.FUEL;
import static io.tanxin.accounting.engine.ActivityKind.OUTPUT;
import static io.tanxin.accounting.engine.EngineFixtures.a;
import static io.tanxin.accounting.engine.EngineFixtures.calculate;
import static io.tanxin.accounting.engine.EngineFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CokingMethodologyTest {

    @Test
    void handWorkedCokingCarbonBalance() {
        CalculationResult r = calculate(Methodology.COKING, 2023,
                a(COKING_INPUT, "WASHED_COAL", "1000", "t", Map.of("carbonContentPerUnit", "0.78")),
                a(COKING_OUTPUT, "COKE", "750", "t"),
                a(COKING_OUTPUT, "COKE_OVEN_GAS", "400000", "Nm3"),
                a(COKING_OUTPUT, "TAR", "30", "t", Map.of("carbonContentPerUnit", "0.9")),
                a(COKING_OUTPUT, "CRUDE_BENZENE", "10", "t"),
                a(FUEL, "COKE_OVEN_GAS", "20", "10^4 Nm3"),
                a(OUTPUT, "COKE", "750", "t"));

        // carbon in: 1000 t × 0.78 tC/t (measured) = 780 tC
        // carbon out: coke 750 × 28.435 × 0.0295 = 629.124375 tC
        //             gas 400000 Nm3 = 40 × 10^4 Nm3 × 179.81 × 0.01358 = 97.672792 tC
        //             tar 30 × 0.9 (measured) = 27 tC; benzene 10 × 41.816 × 0.0227 = 9.492232 tC
        double carbonOut = 750 * 28.435 * 0.0295 + 40 * 179.81 * 0.01358 + 30 * 0.9 + 10 * 41.816 * 0.0227;
        // (780 − 763.289399) × 44/12 = 16.710601 × 44/12 = 61.272204
        double processCo2 = (780 - carbonOut) * 44 / 12;
        assertThat(d(r.scope1BySource().get(Scope1Source.PROCESS))).isCloseTo(processCo2, within(0.01));
        // heating gas burnt: 20 × 179.81 × 0.01358 × 0.99 × 44/12 = 3596.2 GJ → 48.836396 tC → 48.348032 tC → 177.276117
        double combustion = 20 * 179.81 * 0.01358 * 0.99 * 44 / 12;
        assertThat(d(r.scope1Tco2e())).isCloseTo(processCo2 + combustion, within(0.01)); // 238.548
        assertThat(d(r.intensity("OUTPUT:COKE").value())).isCloseTo((processCo2 + combustion) / 750, within(0.000001));
        // outputs are shown as negative carbon on their lines
        assertThat(d(r.lines().get(1).tco2eLocation())).isCloseTo(-750 * 28.435 * 0.0295 * 44 / 12, within(0.01));
        // coking feedstock is not energy use: only the 3596.2 GJ burnt counts
        assertThat(d(r.energyTce())).isCloseTo(3596.2 / 29.3076, within(0.01));
    }

    @Test
    void moreCarbonOutThanInIsRefused() {
        assertThatThrownBy(() -> calculate(Methodology.COKING, 2023,
                a(COKING_INPUT, "WASHED_COAL", "100", "t"),
                a(COKING_OUTPUT, "COKE", "750", "t")))
                .isInstanceOf(CalculationException.class)
                .hasMessageContaining("INVALID_PARAMETER");
    }

    @Test
    void unknownFeedstockWithoutMeasuredCarbonIsRefused() {
        assertThatThrownBy(() -> calculate(Methodology.COKING, 2023, a(COKING_INPUT, "COKING_COAL", "100", "t")))
                .hasMessageContaining("UNKNOWN_FUEL")
                .hasMessageContaining("COKING_COAL");
        CalculationResult measured = calculate(Methodology.COKING, 2023,
                a(COKING_INPUT, "COKING_COAL", "100", "t", Map.of("carbonContentPerUnit", "0.8")));
        // 100 × 0.8 × 44/12 = 293.333
        assertThat(d(measured.scope1Tco2e())).isCloseTo(100 * 0.8 * 44 / 12, within(0.01));
    }
}
