package io.tanxin.accounting.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * The account's view of one input activity. Tonnes are signed contributions to the totals
 * (deductions negative), so that the lines of a result add up to its totals.
 *
 * @param convertedQuantity the quantity in {@code convertedUnit}, the unit the factors apply to
 */
public record CalculationLine(ActivityKind kind, String code, BigDecimal quantity, String unit,
                              BigDecimal convertedQuantity, String convertedUnit, BigDecimal tco2eLocation,
                              BigDecimal tco2eMarket, LineCategory category, List<AppliedFactor> factors,
                              List<Note> notes) {
}
