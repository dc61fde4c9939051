package io.tanxin.accounting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/** A month's headline figures from its newest run, for checks that compare months and sources. */
public record MonthFigures(String uscc, YearMonth month, String status, BigDecimal totalLocationTco2e,
        BigDecimal energyTce, Map<String, RunResult.Denominator> denominators, Map<String, BigDecimal> intensities,
        Integer dataQualityScore) {
}
