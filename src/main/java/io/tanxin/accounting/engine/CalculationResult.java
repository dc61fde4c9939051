package io.tanxin.accounting.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one calculation; tonnes are rounded HALF_UP to 6 decimals from unrounded sums.
 * Totals: {@code scope1 + scope2 − exported}, location- and market-based.
 */
public record CalculationResult(Methodology methodology, String engineVersion, String factorSetCode,
                                int factorSetVersion, BigDecimal scope1Tco2e,
                                Map<Scope1Source, BigDecimal> scope1BySource, BigDecimal scope2LocationTco2e,
                                BigDecimal scope2MarketTco2e, BigDecimal exportedLocationTco2e,
                                BigDecimal exportedMarketTco2e, BigDecimal totalLocationTco2e,
                                BigDecimal totalMarketTco2e, BigDecimal energyTce, List<Intensity> intensities,
                                List<CalculationLine> lines, List<Note> notes, List<DataQualityFlag> dataQualityFlags) {

    /** The intensity with this basis, or null. */
    public Intensity intensity(String basis) {
        for (Intensity i : intensities) {
            if (i.basis().equals(basis)) {
                return i;
            }
        }
        return null;
    }
}
