package io.tanxin.accounting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * An enterprise's carbon account for a month, quarter or year (tCO2e): totals, breakdown by source
 * and scope, intensities, and the calculation runs it is made of. Quarters and years are sums of
 * their months' newest runs; intensities are re-derived from summed numerators and denominators.
 * The period's data-quality score is the emissions-weighted mean of its months' scores, as PCAF
 * weights scores of a portfolio.
 */
public record CarbonAccount(String uscc, String enterpriseName, String period, String periodKind, boolean synthetic,
        String unit, String methodology, int monthsInPeriod, int monthsAccounted, List<YearMonth> missingMonths,
        List<YearMonth> notComputableMonths, BigDecimal scope1Tco2e, Map<String, BigDecimal> scope1BySource,
        BigDecimal scope2LocationTco2e, BigDecimal scope2MarketTco2e, BigDecimal exportedLocationTco2e,
        BigDecimal exportedMarketTco2e, BigDecimal totalLocationTco2e, BigDecimal totalMarketTco2e,
        BigDecimal energyTce, List<SourceBreakdown> bySource, List<RunResult.IntensityValue> intensities,
        List<MonthTotal> months, List<RunReference> runs, List<RunResult.Note> notes, BigDecimal dataQualityScore) {

    /** Emissions of one source (a fuel, a process material, purchased electricity, ...) in the period. */
    public record SourceBreakdown(String category, String kind, String code, BigDecimal tco2eLocation,
            BigDecimal tco2eMarket) {
    }

    /**
     * {@code dataQualityScore}: 1 verified … 5 estimated (PCAF sense); null until verification scored it.
     * {@code scope1BySource}: combustion, process, fixed-carbon deduction, … of the month, so that a
     * monthly chart by source needs no second read.
     */
    public record MonthTotal(YearMonth month, BigDecimal scope1Tco2e, BigDecimal scope2LocationTco2e,
            BigDecimal scope2MarketTco2e, BigDecimal totalLocationTco2e, BigDecimal totalMarketTco2e,
            Integer dataQualityScore, Map<String, BigDecimal> scope1BySource) {
    }

    /** Enough to reproduce a month: its inputs' hash, the factor set and engine versions. */
    public record RunReference(long runId, YearMonth month, String status, String errorCode, String inputHash,
            long activitySetId, String factorSetCode, int factorSetVersion, String engineVersion,
            OffsetDateTime calculatedAt) {
    }
}
