package io.tanxin.accounting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a calculation produced, as it is stored with its run and shown by the API: every line with
 * the factors it used and their source, the breakdown, intensities, the denominators behind them,
 * and notes (fallback factor years, defaults used).
 */
public record RunResult(String methodology, BigDecimal scope1Tco2e, Map<String, BigDecimal> scope1BySource,
        BigDecimal scope2LocationTco2e, BigDecimal scope2MarketTco2e, BigDecimal exportedLocationTco2e,
        BigDecimal exportedMarketTco2e, BigDecimal totalLocationTco2e, BigDecimal totalMarketTco2e,
        BigDecimal energyTce, List<Line> lines, List<IntensityValue> intensities, Map<String, Denominator> denominators,
        List<Note> notes, List<String> dataQualityFlags) {

    public record Line(String kind, String code, BigDecimal quantity, String unit, BigDecimal convertedQuantity,
            String convertedUnit, String category, BigDecimal tco2eLocation, BigDecimal tco2eMarket,
            List<Factor> factors, List<Note> notes) {
    }

    public record Factor(String code, String nameZh, BigDecimal value, String unit, Integer dataYear, String source,
            String status) {
    }

    public record IntensityValue(String basis, BigDecimal value, String unit) {
    }

    /** The quantity an intensity divides by (output, value-added, energy), kept so periods roll up. */
    public record Denominator(BigDecimal quantity, String unit) {
    }

    public record Note(String zh, String en) {
    }
}
