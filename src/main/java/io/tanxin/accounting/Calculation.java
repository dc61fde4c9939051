package io.tanxin.accounting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The calculator's answer: totals in tCO2e, one line per activity with the factors used and their
 * source, and what is needed to reproduce it (input hash, factor-set and engine versions).
 */
public record Calculation(String industryCode, String regionCode, int year, String methodology,
        BigDecimal scope1Tco2e, Map<String, BigDecimal> scope1BySource, BigDecimal scope2LocationTco2e,
        BigDecimal scope2MarketTco2e, BigDecimal exportedLocationTco2e, BigDecimal exportedMarketTco2e,
        BigDecimal totalLocationTco2e, BigDecimal totalMarketTco2e, BigDecimal energyTce, String unit,
        List<RunResult.Line> lines, List<RunResult.IntensityValue> intensities, List<RunResult.Note> notes,
        List<String> dataQualityFlags, String factorSetCode, int factorSetVersion, String engineVersion,
        String inputHash) {
}
