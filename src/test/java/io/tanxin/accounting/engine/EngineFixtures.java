package io.tanxin.accounting.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The bundled reference factor set and short-hands for writing inputs in tests. */
final class EngineFixtures {

    static final FactorSet FACTORS = FactorSetCsv.bundled("CN-REFERENCE", 1);
    static final CarbonEngine ENGINE = new CarbonEngine();

    private EngineFixtures() {
    }

    static CalculationResult calculate(Methodology methodology, int year, Activity... activities) {
        return ENGINE.calculate(shanxi(methodology, year, activities), FACTORS);
    }

    static CalculationInput shanxi(Methodology methodology, int year, Activity... activities) {
        return new CalculationInput(methodology, "140000", "NORTH_CHINA", year, List.of(activities));
    }

    static Activity a(ActivityKind kind, String code, String quantity, String unit) {
        return Activity.of(kind, code, quantity, unit);
    }

    static Activity a(ActivityKind kind, String code, String quantity, String unit, Map<String, String> params) {
        Map<String, BigDecimal> parsed = new java.util.HashMap<>();
        params.forEach((k, v) -> parsed.put(k, new BigDecimal(v)));
        return new Activity(kind, code, new BigDecimal(quantity), unit, parsed);
    }

    static double d(BigDecimal value) {
        return value.doubleValue();
    }
}
