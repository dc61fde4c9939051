package io.tanxin.reporting.report;

import java.math.BigDecimal;
import java.util.List;

import io.tanxin.reporting.DisputedItem;
import io.tanxin.reporting.Objection;
import io.tanxin.reporting.QueryRecord;

/**
 * A carbon credit report (碳信用报告): the {@link Body} that is hashed into the evidence log and the
 * {@link Evidence} that lets a third party check it offline against a signed checkpoint. The body's
 * hash is SHA-256 of its canonical JSON ({@link io.tanxin.evidence.OfflineVerifier#canonicalJson}).
 */
public record CreditReport(Body body, Evidence evidence) {

    public record Body(String reportNumber, String issuedAt, String timeZone, String modelVersion, boolean synthetic,
            String purpose, String purposeZh, Identity identity, List<YearAccount> accounts, List<MonthPoint> monthlyTrend,
            List<Structure> structure, Intensity intensity, RatingPart rating, DataSources dataSources,
            List<Finding> findings, List<NegativeItem> negativeInformation, List<Objection> objections,
            List<DisputedItem> disputedItems, List<QueryRecord> queryRecords) {
    }

    public record Identity(String uscc, String nameZh, String nameEn, String regionCode, String regionZh,
            String industryCode, String industryZh, String sizeClass, String transitionStage, String parkCode,
            String parkZh) {
    }

    /** A year's totals by scope (tCO2e); {@code monthsAccounted} of 12. */
    public record YearAccount(int year, int monthsAccounted, BigDecimal scope1Tco2e, BigDecimal scope2LocationTco2e,
            BigDecimal scope2MarketTco2e, BigDecimal totalLocationTco2e, BigDecimal totalMarketTco2e,
            BigDecimal energyTce, BigDecimal dataQualityScore) {
    }

    public record MonthPoint(String month, BigDecimal scope1Tco2e, BigDecimal scope2LocationTco2e,
            BigDecimal totalLocationTco2e, Integer dataQualityScore, String mark) {
    }

    /** Emissions by source and scope in the newest year of the report. */
    public record Structure(int year, String scope, String category, String kind, String code,
            BigDecimal tco2eLocation, BigDecimal sharePct) {
    }

    public record Intensity(Integer year, Double intensity, Double industryAverage, Double kRatio, Integer kGrade,
            String carbonLevel, List<IntensityValue> values) {
    }

    public record IntensityValue(String basis, BigDecimal value, String unit) {
    }

    public record RatingPart(long ratingId, int year, String periodKind, double score, String label, String labelZh,
            String confidence, boolean capped, List<String> caps, List<Reason> reasons, List<Reason> improvements,
            String mark) {
    }

    public record Reason(String code, String textZh, String textEn) {
    }

    public record DataSources(List<Source> sources, BigDecimal dataQualityScore, Integer dataQualityYear) {
    }

    public record Source(String sourceType, int months, String firstPeriod, String lastPeriod) {
    }

    public record Finding(long id, String period, String rule, String subject, String severity, String status,
            String messageZh, String messageEn, String mark) {
    }

    public record NegativeItem(String type, String decidedOn, String endedOn, String authority, String documentNo,
            BigDecimal amountCny, String description, String shownUntil, String mark) {
    }

    /**
     * Where the report is in the evidence log: leaf index, the leaf data (base64) built from the body's
     * hash, the signed checkpoint that includes it, and the RFC 9162 inclusion proof (base64 hashes).
     */
    public record Evidence(String kind, long leafIndex, String bodySha256, String leafData, long treeSize,
            String rootHash, String checkpoint, List<String> inclusionProof, String verificationUrl, String publicKeyUrl,
            String howToVerify) {
    }
}
