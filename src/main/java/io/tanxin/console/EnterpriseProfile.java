package io.tanxin.console;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tanxin.accounting.AccountingManagement;
import io.tanxin.accounting.CarbonAccount;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.intake.EnterpriseFacts;
import io.tanxin.rating.Rating;
import io.tanxin.rating.RatingManagement;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.Period;
import io.tanxin.reporting.DisputedItem;
import io.tanxin.reporting.Objections;
import org.springframework.stereotype.Component;

/**
 * One enterprise as its pages show it: the account of its last three years month by month (by
 * source and by scope), its rating with reasons and hints, its findings and disputed items.
 * Callers decide who may see it; this only assembles.
 */
@Component
class EnterpriseProfile {

    static final int YEARS = 3;

    private final DirectoryManagement directory;
    private final AccountingManagement accounting;
    private final RatingManagement ratings;
    private final EnterpriseFacts facts;
    private final Objections objections;
    private final Charts charts;

    EnterpriseProfile(DirectoryManagement directory, AccountingManagement accounting, RatingManagement ratings,
            EnterpriseFacts facts, Objections objections, Charts charts) {
        this.directory = directory;
        this.accounting = accounting;
        this.ratings = ratings;
        this.facts = facts;
        this.objections = objections;
        this.charts = charts;
    }

    record View(Enterprise enterprise, String industryName, String cityName, CarbonAccount latestYear,
            Rating rating, List<EnterpriseFacts.Finding> findings, List<EnterpriseFacts.SourceCoverage> sources,
            List<DisputedItem> disputed, String sourceChart, String scopeChart, String intensityChart,
            List<CarbonAccount.MonthTotal> recentMonths) {
    }

    View view(String uscc, boolean en) {
        Enterprise e = directory.enterprise(uscc);
        String industry = name(() -> directory.industry(e.industryCode()).nameZh(), e.industryCode());
        String city = name(() -> directory.region(e.regionCode().substring(0, 4) + "00").nameZh(), e.regionCode());
        Rating rating = null;
        try {
            rating = ratings.current(uscc, null);
        } catch (DomainException noRating) {
            // not rated yet: the page says so
        }
        int lastYear = rating != null ? rating.year() : YearMonth.now().getYear();
        List<CarbonAccount> years = new ArrayList<>();
        for (int y = lastYear - YEARS + 1; y <= lastYear + 1; y++) {
            accountOf(uscc, y).ifPresent(years::add);
        }
        CarbonAccount latest = years.stream().filter(a -> a.period().equals(String.valueOf(lastYear))).findFirst()
                .orElse(years.isEmpty() ? null : years.get(years.size() - 1));
        List<CarbonAccount.MonthTotal> months = years.stream().flatMap(a -> a.months().stream()).toList();
        List<String> labels = months.stream().map(m -> m.month().toString()).toList();
        Map<String, List<Double>> bySource = new LinkedHashMap<>();
        for (int i = 0; i < months.size(); i++) {
            CarbonAccount.MonthTotal m = months.get(i);
            Map<String, BigDecimal> sources = m.scope1BySource() == null ? Map.of() : m.scope1BySource();
            for (Map.Entry<String, BigDecimal> s : sources.entrySet()) {
                series(bySource, sourceName(s.getKey(), en), months.size()).set(i, d(s.getValue()));
            }
            series(bySource, en ? "purchased electricity and heat (scope 2)" : "外购电力与热力（范围二）", months.size())
                    .set(i, d(m.scope2LocationTco2e()));
        }
        Map<String, List<Double>> byScope = new LinkedHashMap<>();
        byScope.put(en ? "scope 1" : "范围一", months.stream().map(m -> d(m.scope1Tco2e())).toList());
        byScope.put(en ? "scope 2 (location-based)" : "范围二（基于位置）", months.stream().map(m -> d(m.scope2LocationTco2e())).toList());
        byScope.put(en ? "scope 2 (market-based)" : "范围二（基于市场）", months.stream().map(m -> d(m.scope2MarketTco2e())).toList());
        String intensity = rating == null ? null : charts.intensityAgainstIndustry(round(rating.intensity()),
                round(rating.industryAverage()), en ? "tCO2e / 10⁴ CNY" : "tCO2e/万元", en);
        List<CarbonAccount.MonthTotal> recent = new ArrayList<>(months.subList(Math.max(0, months.size() - 12), months.size()));
        java.util.Collections.reverse(recent);
        return new View(e, industry, city, latest, rating,
                facts.findings(uscc, List.of("OPEN", "EXPLAINED"), 50), facts.activitySources(uscc),
                objections.disputedItems(uscc), charts.monthsBySource(labels, bySource, en),
                charts.monthsByScope(labels, byScope, en), intensity, recent);
    }

    private Optional<CarbonAccount> accountOf(String uscc, int year) {
        try {
            return Optional.of(accounting.account(uscc, Period.parse(String.valueOf(year))));
        } catch (DomainException none) {
            return Optional.empty();
        }
    }

    private static List<Double> series(Map<String, List<Double>> all, String name, int size) {
        return all.computeIfAbsent(name, k -> new ArrayList<>(java.util.Collections.nCopies(size, (Double) null)));
    }

    static String sourceName(String key, boolean en) {
        return switch (key) {
            case "COMBUSTION" -> en ? "fuel combustion" : "化石燃料燃烧";
            case "PROCESS" -> en ? "industrial process" : "工业生产过程";
            case "FIXED_CARBON_DEDUCTION" -> en ? "carbon fixed in products" : "固碳产品扣减";
            case "DESULPHURISATION" -> en ? "desulphurisation" : "脱硫过程";
            default -> key;
        };
    }

    private static Double d(BigDecimal v) {
        return v == null ? null : Math.round(v.doubleValue() * 10) / 10.0;
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 1000) / 1000.0;
    }

    private static String name(java.util.function.Supplier<String> s, String fallback) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
