package io.tanxin.accounting.engine;

import static io.tanxin.accounting.engine.ActivityKind.ELECTRICITY_PURCHASED;
import static io.tanxin.accounting.engine.ActivityKind.FUEL;
import static io.tanxin.accounting.engine.ActivityKind.GREEN_ELECTRICITY;
import static io.tanxin.accounting.engine.EngineFixtures.a;
import static io.tanxin.accounting.engine.EngineFixtures.calculate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Inputs the engine must refuse rather than turn into a wrong number. */
class EngineRefusalTest {

    private static CalculationException refused(ThrowingCallable call, CalculationErrorCode code, String named) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(CalculationException.class);
        CalculationException e = (CalculationException) thrown;
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.code()).isEqualTo(code.name());
        assertThat(e.messageZh()).contains(named);
        assertThat(e.messageEn()).contains(named);
        return e;
    }

    @Test
    void aluminiumAndChemicalAreNotComputedByAnotherRule() {
        refused(() -> calculate(Methodology.ALUMINIUM, 2023, a(FUEL, "BITUMINOUS", "1", "t")),
                CalculationErrorCode.METHODOLOGY_NOT_IMPLEMENTED, "ALUMINIUM");
        refused(() -> calculate(Methodology.CHEMICAL, 2023),
                CalculationErrorCode.METHODOLOGY_NOT_IMPLEMENTED, "CHEMICAL");
    }

    @Test
    void negativeQuantity() {
        CalculationException e = refused(() -> calculate(Methodology.GENERAL, 2023,
                a(FUEL, "BITUMINOUS", "10", "t"), a(FUEL, "DIESEL", "-5", "t")),
                CalculationErrorCode.NEGATIVE_QUANTITY, "-5");
        assertThat(e.messageEn()).contains("#2").contains("DIESEL");
        assertThat(e.messageZh()).contains("第2项");
    }

    @Test
    void unknownUnit() {
        refused(() -> calculate(Methodology.GENERAL, 2023, a(FUEL, "DIESEL", "5", "barrel")),
                CalculationErrorCode.UNKNOWN_UNIT, "barrel");
    }

    @Test
    void tonnesOfElectricityAreRefused() {
        refused(() -> calculate(Methodology.GENERAL, 2023, a(ELECTRICITY_PURCHASED, null, "5", "t")),
                CalculationErrorCode.UNIT_NOT_CONVERTIBLE, "MWh");
        refused(() -> calculate(Methodology.GENERAL, 2023, a(FUEL, "NATURAL_GAS", "5", "t")),
                CalculationErrorCode.UNIT_NOT_CONVERTIBLE, "10^4 Nm3");
    }

    @Test
    void unknownFuel() {
        refused(() -> calculate(Methodology.GENERAL, 2023, a(FUEL, "UNOBTAINIUM", "5", "t")),
                CalculationErrorCode.UNKNOWN_FUEL, "UNOBTAINIUM");
    }

    @Test
    void moreGreenPowerThanPurchased() {
        refused(() -> calculate(Methodology.GENERAL, 2023,
                a(ELECTRICITY_PURCHASED, null, "1000", "MWh"), a(GREEN_ELECTRICITY, null, "1000001", "kWh")),
                CalculationErrorCode.GREEN_EXCEEDS_PURCHASED, "1000.001");
    }

    @Test
    void misspeltParameterIsNotIgnored() {
        refused(() -> calculate(Methodology.GENERAL, 2023, a(FUEL, "BITUMINOUS", "5", "t", Map.of("NCV", "20"))),
                CalculationErrorCode.INVALID_PARAMETER, "NCV");
    }

    @Test
    void oxidationRateAboveOne() {
        refused(() -> calculate(Methodology.GENERAL, 2023,
                a(FUEL, "BITUMINOUS", "5", "t", Map.of("oxidationRate", "1.2"))),
                CalculationErrorCode.INVALID_PARAMETER, "1.2");
    }

    @Test
    void missingProcessFactorInAFactorSet() {
        FactorSet noClinkerDefault = new FactorSet("partial", 1, EngineFixtures.FACTORS.fuels(),
                EngineFixtures.FACTORS.electricityFactors(),
                EngineFixtures.FACTORS.processFactors().stream().filter(p -> !p.code().equals("CLINKER_DEFAULT")).toList(),
                EngineFixtures.FACTORS.energyConversions());
        refused(() -> EngineFixtures.ENGINE.calculate(EngineFixtures.shanxi(Methodology.CEMENT, 2023,
                        a(ActivityKind.CLINKER, null, "5", "t")), noClinkerDefault),
                CalculationErrorCode.FACTOR_MISSING, "CLINKER_DEFAULT");
    }
}
