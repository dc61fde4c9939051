package io.tanxin.accounting.engine;

import io.tanxin.shared.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The denominators of one calculation (outputs by product code, value-added) and the intensities
 * over them. POWER splits a combined heat-and-power plant's emissions by energy share; see
 * {@link CarbonEngine}.
 */
final class Denominators {

    static final String ELECTRICITY_SUPPLIED = "ELECTRICITY_SUPPLIED";
    static final String HEAT_SUPPLIED = "HEAT_SUPPLIED";
    private static final BigDecimal MWH_TO_GJ = new BigDecimal("3.6");
    private static final int REPORTED_SCALE = 6;

    private final Map<String, OutputTotal> outputs = new LinkedHashMap<>(4);
    private BigDecimal valueAdded;

    /** The running total of an output code, or null before its first line. */
    OutputTotal output(String code) {
        return outputs.get(code);
    }

    /** @param unit null for a unit the engine does not know, kept as {@code unitText} */
    void addOutput(String code, Unit unit, String unitText, BigDecimal quantity) {
        OutputTotal total = outputs.get(code);
        if (total == null) {
            outputs.put(code, new OutputTotal(unit, unitText, quantity));
        } else {
            total.quantity = total.quantity.add(quantity);
        }
    }

    void addValueAdded(BigDecimal tenThousandCny) {
        valueAdded = valueAdded == null ? tenThousandCny : valueAdded.add(tenThousandCny);
    }

    /** One intensity per output code, then VALUE_ADDED and ENERGY, all over the location-based total. */
    List<Intensity> intensities(Methodology methodology, BigDecimal totalLocation, BigDecimal energyTce,
                                Consumer<Note> notes) {
        List<Intensity> result = new ArrayList<>(outputs.size() + 2);
        OutputTotal electricity = methodology == Methodology.POWER ? outputs.get(ELECTRICITY_SUPPLIED) : null;
        OutputTotal heatOut = methodology == Methodology.POWER ? outputs.get(HEAT_SUPPLIED) : null;
        BigDecimal suppliedGj = null;
        if (electricity != null || heatOut != null) {
            suppliedGj = (electricity == null ? BigDecimal.ZERO : electricity.quantity.multiply(MWH_TO_GJ))
                    .add(heatOut == null ? BigDecimal.ZERO : heatOut.quantity);
            if (electricity != null && heatOut != null && electricity.quantity.signum() > 0
                    && heatOut.quantity.signum() > 0) {
                notes.accept(new Note("CHP_ENERGY_ALLOCATION",
                        "热电联产按供电量（MWh×3.6）与供热量（GJ）的能量比例分摊排放",
                        "Combined heat and power: emissions allocated by energy share of electricity supplied "
                                + "(MWh × 3.6) and heat supplied (GJ)"));
            }
        }
        for (Map.Entry<String, OutputTotal> e : outputs.entrySet()) {
            OutputTotal out = e.getValue();
            String basis = Intensity.OUTPUT_PREFIX + e.getKey();
            BigDecimal value;
            if (out == electricity) {
                value = suppliedGj.signum() > 0 && out.quantity.signum() > 0
                        ? totalLocation.multiply(MWH_TO_GJ).divide(suppliedGj, REPORTED_SCALE, RoundingMode.HALF_UP)
                        : null;
            } else if (out == heatOut) {
                value = suppliedGj.signum() > 0 && out.quantity.signum() > 0
                        ? totalLocation.divide(suppliedGj, REPORTED_SCALE, RoundingMode.HALF_UP)
                        : null;
            } else {
                value = per(totalLocation, out.quantity);
            }
            result.add(new Intensity(basis, value, "tCO2e/" + out.unitText));
        }
        result.add(new Intensity(Intensity.VALUE_ADDED, per(totalLocation, valueAdded), "tCO2e/10^4 CNY"));
        result.add(new Intensity(Intensity.ENERGY, per(totalLocation, energyTce), "tCO2e/tce"));
        return Collections.unmodifiableList(result);
    }

    private static BigDecimal per(BigDecimal numerator, BigDecimal denominator) {
        if (denominator == null || denominator.signum() <= 0) {
            return null;
        }
        return numerator.divide(denominator, REPORTED_SCALE, RoundingMode.HALF_UP);
    }

    static final class OutputTotal {
        final Unit unit;
        final String unitText;
        BigDecimal quantity;

        OutputTotal(Unit unit, String unitText, BigDecimal quantity) {
            this.unit = unit;
            this.unitText = unitText;
            this.quantity = quantity;
        }
    }
}
