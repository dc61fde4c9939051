package io.tanxin.rating.engine;

import java.time.LocalDate;
import java.util.List;

/**
 * What the engine rates: one enterprise over one period (a year or twelve months).
 *
 * @param intensity           tCO2e per 10^4 CNY value-added over the period
 * @param industryAverage     average intensity of the enterprise's industry in the province
 * @param previousIntensity   the same intensity a year earlier, or null
 * @param intensityTwoYearsBefore the intensity two years earlier, or null (three-year decline)
 * @param reductionInvestmentShare reduction investment / total investment (0–1), or null
 * @param planProgressPct     transition-plan progress 0–100, or null
 * @param greenPowerShare     green electricity / purchased electricity (0–1), or null
 * @param dataQuality         average data-quality score of the months (1 verified … 5 estimated), or null
 */
public record RatingInput(String uscc, int year, String stage, Double intensity, Double industryAverage,
        Double previousIntensity, Double intensityTwoYearsBefore, Double reductionInvestmentShare,
        Double planProgressPct, Double greenPowerShare, List<Penalty> penalties, boolean etsNonCompliant,
        Double dataQuality, int monthsCovered) {

    public RatingInput {
        penalties = penalties == null ? List.of() : List.copyOf(penalties);
    }

    public record Penalty(LocalDate decidedOn, double amountCny) {
    }
}
