package io.tanxin.accounting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tanxin.accounting.CarbonAccount;
import io.tanxin.accounting.RunResult;
import io.tanxin.shared.Period;

/**
 * Rolls monthly runs up to the asked period. Totals and breakdowns add up; an intensity of a
 * quarter or year is Σ(intensity × denominator) / Σ denominator over its months, which equals the
 * month's own value for a single month and respects allocations (CHP) the engine made per month.
 */
public final class AccountAssembler {

    private static final int SCALE = 6;

    private AccountAssembler() {
    }

    public record MonthRun(RunStore.StoredRun run, RunResult result) {
    }

    /** The account and its collections are unmodifiable: {@link AssembledAccounts} hands one to many readers. */
    public static CarbonAccount assemble(String uscc, String enterpriseName, boolean synthetic, Period period,
            List<MonthRun> monthRuns, java.util.Map<YearMonth, Integer> qualityScores) {
        List<YearMonth> months = period.months();
        Set<YearMonth> present = new LinkedHashSet<>();
        List<YearMonth> notComputable = new ArrayList<>();
        List<CarbonAccount.RunReference> refs = new ArrayList<>();
        List<CarbonAccount.MonthTotal> totals = new ArrayList<>();
        Sum sum = new Sum();
        Map<String, CarbonAccount.SourceBreakdown> bySource = new LinkedHashMap<>();
        Map<String, BigDecimal> scope1BySource = new LinkedHashMap<>();
        Map<String, BigDecimal[]> intensityParts = new LinkedHashMap<>();
        Map<String, String> intensityUnits = new LinkedHashMap<>();
        Set<RunResult.Note> notes = new LinkedHashSet<>();
        String methodology = null;
        BigDecimal[] qualityParts = {BigDecimal.ZERO, BigDecimal.ZERO};

        for (MonthRun mr : monthRuns) {
            RunStore.StoredRun run = mr.run();
            present.add(run.month());
            refs.add(new CarbonAccount.RunReference(run.id(), run.month(), run.status(), run.errorCode(),
                    run.inputHash(), run.activitySetId(), run.factorSetCode(), run.factorSetVersion(),
                    run.engineVersion(), run.createdAt()));
            methodology = run.methodology();
            if (!"COMPUTED".equals(run.status())) {
                notComputable.add(run.month());
                continue;
            }
            RunResult r = mr.result();
            sum.add(r);
            Integer score = qualityScores.get(run.month());
            totals.add(new CarbonAccount.MonthTotal(run.month(), r.scope1Tco2e(), r.scope2LocationTco2e(),
                    r.scope2MarketTco2e(), r.totalLocationTco2e(), r.totalMarketTco2e(), score, r.scope1BySource()));
            if (score != null && r.totalLocationTco2e() != null) {
                BigDecimal weight = r.totalLocationTco2e().abs().max(BigDecimal.ONE);
                qualityParts[0] = qualityParts[0].add(weight.multiply(BigDecimal.valueOf(score)));
                qualityParts[1] = qualityParts[1].add(weight);
            }
            r.scope1BySource().forEach((k, v) -> scope1BySource.merge(k, v, BigDecimal::add));
            for (RunResult.Line line : r.lines()) {
                if ("DENOMINATOR".equals(line.category())) {
                    continue;
                }
                String key = line.category() + "|" + line.kind() + "|" + line.code();
                bySource.merge(key, new CarbonAccount.SourceBreakdown(line.category(), line.kind(), line.code(),
                        nz(line.tco2eLocation()), nz(line.tco2eMarket())),
                        (a, b) -> new CarbonAccount.SourceBreakdown(a.category(), a.kind(), a.code(),
                                a.tco2eLocation().add(b.tco2eLocation()), a.tco2eMarket().add(b.tco2eMarket())));
            }
            for (RunResult.IntensityValue iv : r.intensities()) {
                RunResult.Denominator d = r.denominators().get(iv.basis());
                if (iv.value() == null || d == null || d.quantity() == null || d.quantity().signum() == 0) {
                    continue;
                }
                BigDecimal[] parts = intensityParts.computeIfAbsent(iv.basis(),
                        k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                parts[0] = parts[0].add(iv.value().multiply(d.quantity()));
                parts[1] = parts[1].add(d.quantity());
                intensityUnits.put(iv.basis(), iv.unit());
            }
            notes.addAll(r.notes());
        }

        List<RunResult.IntensityValue> intensities = new ArrayList<>();
        intensityParts.forEach((basis, parts) -> intensities.add(new RunResult.IntensityValue(basis,
                parts[0].divide(parts[1], SCALE, RoundingMode.HALF_UP), intensityUnits.get(basis))));
        List<YearMonth> missing = months.stream().filter(m -> !present.contains(m)).toList();
        return new CarbonAccount(uscc, enterpriseName, period.toString(), period.kind().name(), synthetic, "tCO2e",
                methodology, months.size(), totals.size(), missing, List.copyOf(notComputable), sum.scope1,
                java.util.Collections.unmodifiableMap(scope1BySource), sum.scope2Location, sum.scope2Market,
                sum.exportedLocation, sum.exportedMarket, sum.totalLocation, sum.totalMarket, sum.energyTce,
                List.copyOf(bySource.values()), List.copyOf(intensities), List.copyOf(totals), List.copyOf(refs),
                List.copyOf(notes), qualityParts[1].signum() == 0 ? null
                        : qualityParts[0].divide(qualityParts[1], 1, RoundingMode.HALF_UP));
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static final class Sum {
        BigDecimal scope1 = BigDecimal.ZERO;
        BigDecimal scope2Location = BigDecimal.ZERO;
        BigDecimal scope2Market = BigDecimal.ZERO;
        BigDecimal exportedLocation = BigDecimal.ZERO;
        BigDecimal exportedMarket = BigDecimal.ZERO;
        BigDecimal totalLocation = BigDecimal.ZERO;
        BigDecimal totalMarket = BigDecimal.ZERO;
        BigDecimal energyTce = BigDecimal.ZERO;

        void add(RunResult r) {
            scope1 = scope1.add(nz(r.scope1Tco2e()));
            scope2Location = scope2Location.add(nz(r.scope2LocationTco2e()));
            scope2Market = scope2Market.add(nz(r.scope2MarketTco2e()));
            exportedLocation = exportedLocation.add(nz(r.exportedLocationTco2e()));
            exportedMarket = exportedMarket.add(nz(r.exportedMarketTco2e()));
            totalLocation = totalLocation.add(nz(r.totalLocationTco2e()));
            totalMarket = totalMarket.add(nz(r.totalMarketTco2e()));
            energyTce = energyTce.add(nz(r.energyTce()));
        }
    }
}
