package io.tanxin.intake.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tanxin.accounting.ActivityLine;
import io.tanxin.intake.SourceType;
import io.tanxin.intake.verification.VerificationRules.EnterpriseData;
import io.tanxin.intake.verification.VerificationRules.MonthData;
import org.junit.jupiter.api.Test;

class VerificationRulesTest {

    static final Map<String, Threshold> THRESHOLDS = new HashMap<>();

    static {
        put("ELECTRICITY_SELF_VS_GRID", "*", "0.05", "0.15", null, null);
        put("FUEL_SELF_VS_TAX", "*", "0.10", "0.30", null, null);
        put("MONTH_ON_MONTH_JUMP", "*", "0.50", "1.00", null, null);
        put("COMPUTED_VS_ETS", "*", "0.05", "0.10", null, null);
        put("INTENSITY_RANGE", "4411", "0.25", "0.50", "0.70", "1.10");
    }

    static void put(String rule, String industry, String warn, String critical, String low, String high) {
        THRESHOLDS.put(rule + "|" + industry, new Threshold(rule, industry, new BigDecimal(warn), new BigDecimal(critical),
                low == null ? null : new BigDecimal(low), high == null ? null : new BigDecimal(high), ""));
    }

    static ActivityLine line(String kind, String code, String quantity, String unit) {
        return new ActivityLine(kind, code, new BigDecimal(quantity), unit, Map.of());
    }

    static MonthData month(int m, String total, Map<SourceType, List<ActivityLine>> sources) {
        return new MonthData(YearMonth.of(2024, m), sources, "COMPUTED", new BigDecimal(total), Map.of());
    }

    static Map<SourceType, List<ActivityLine>> sources(Object... pairs) {
        Map<SourceType, List<ActivityLine>> map = new EnumMap<>(SourceType.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent((SourceType) pairs[i], k -> new ArrayList<>()).add((ActivityLine) pairs[i + 1]);
        }
        return map;
    }

    final VerificationRules rules = new VerificationRules(THRESHOLDS);

    @Test
    void selfReportedElectricityIsComparedWithTheGridsInWhateverUnitItCame() {
        // 1,100 MWh reported vs 1,000,000 kWh metered = 10 % → warning; 1,200 MWh → 20 % → critical; 1,030 → fine
        List<CheckResult> results = rules.check(new EnterpriseData("E", "3841", List.of(
                month(1, "100", sources(SourceType.SELF_REPORT, line("ELECTRICITY_PURCHASED", "GRID", "1100", "MWh"),
                        SourceType.POWER_GRID, line("ELECTRICITY_PURCHASED", "GRID", "1000000", "kWh"))),
                month(3, "100", sources(SourceType.SELF_REPORT, line("ELECTRICITY_PURCHASED", "GRID", "1200", "MWh"),
                        SourceType.POWER_GRID, line("ELECTRICITY_PURCHASED", "GRID", "1000", "MWh"))),
                month(5, "100", sources(SourceType.SELF_REPORT, line("ELECTRICITY_PURCHASED", "GRID", "1030", "MWh"),
                        SourceType.POWER_GRID, line("ELECTRICITY_PURCHASED", "GRID", "1000", "MWh")))), Map.of()));
        assertThat(results).extracting(CheckResult::period, CheckResult::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2024-01", Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple("2024-03", Severity.CRITICAL));
        assertThat(results.get(0).deviation()).isEqualByComparingTo("0.1");
        assertThat(results.get(0).messageZh()).contains("10.0%");
    }

    @Test
    void fuelIsComparedWithInvoicesPerFuelAndMonthsWithEachOther() {
        List<CheckResult> results = rules.check(new EnterpriseData("E", "3841", List.of(
                month(1, "100", sources(SourceType.SELF_REPORT, line("FUEL", "BITUMINOUS", "100", "t"),
                        SourceType.TAX, line("FUEL", "BITUMINOUS", "150", "t"),
                        SourceType.TAX, line("FUEL", "DIESEL", "10", "t"))),
                month(2, "260", sources(SourceType.SELF_REPORT, line("FUEL", "BITUMINOUS", "100", "t"))),
                month(3, "330", sources(SourceType.SELF_REPORT, line("FUEL", "BITUMINOUS", "100", "t")))), Map.of()));
        // |100 − 150| / 150 = 33 % → critical; diesel has no self-report to compare with
        assertThat(results).filteredOn(r -> r.rule().equals("FUEL_SELF_VS_TAX")).singleElement()
                .satisfies(r -> {
                    assertThat(r.subject()).isEqualTo("BITUMINOUS");
                    assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
                });
        // 100 → 260 is +160 % → critical; 260 → 330 is +27 % → nothing
        assertThat(results).filteredOn(r -> r.rule().equals("MONTH_ON_MONTH_JUMP"))
                .extracting(CheckResult::period, CheckResult::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2024-02", Severity.CRITICAL));
    }

    @Test
    void intensityOutsideTheIndustryRangeAndComputedVersusEtsAreFound() {
        List<MonthData> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            Map<String, BigDecimal> intensity = Map.of("OUTPUT:ELECTRICITY_SUPPLIED", new BigDecimal(m == 6 ? "1.80" : "0.85"));
            months.add(new MonthData(YearMonth.of(2024, m), sources(), "COMPUTED", new BigDecimal("1000"), intensity));
        }
        // 1.80 is (1.80 − 1.10) / 1.10 = 64 % above the range → critical; the year's 12,000 t vs 13,000 verified = 7.7 % → warning
        List<CheckResult> results = rules.check(new EnterpriseData("P", "4411", months, Map.of(2024, new BigDecimal("13000"))));
        assertThat(results).filteredOn(r -> r.rule().equals("INTENSITY_RANGE")).singleElement()
                .satisfies(r -> {
                    assertThat(r.period()).isEqualTo("2024-06");
                    assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
                });
        assertThat(results).filteredOn(r -> r.rule().equals("COMPUTED_VS_ETS")).singleElement()
                .satisfies(r -> {
                    assertThat(r.period()).isEqualTo("2024");
                    assertThat(r.severity()).isEqualTo(Severity.WARNING);
                });
    }

    @Test
    void qualityFollowsPcafAndAnOpenCriticalFindingLowersIt() {
        StringBuilder basis = new StringBuilder();
        MonthData verified = month(1, "1", sources(SourceType.VERIFIER, line("FUEL", "COKE", "1", "t")));
        assertThat(VerificationRules.quality(verified, false, false, basis)).isEqualTo(1);
        MonthData energy = month(1, "1", sources(SourceType.SELF_REPORT, line("ELECTRICITY_PURCHASED", "GRID", "1", "MWh")));
        assertThat(VerificationRules.quality(energy, false, false, new StringBuilder())).isEqualTo(2);
        assertThat(VerificationRules.quality(energy, true, false, new StringBuilder())).isEqualTo(1);
        MonthData output = month(1, "1", sources(SourceType.STATISTICS, line("OUTPUT", "CEMENT", "1", "t")));
        assertThat(VerificationRules.quality(output, false, false, new StringBuilder())).isEqualTo(3);
        MonthData valueAdded = month(1, "1", sources(SourceType.STATISTICS, line("VALUE_ADDED", "VALUE_ADDED", "1", "10^4 CNY")));
        assertThat(VerificationRules.quality(valueAdded, false, false, new StringBuilder())).isEqualTo(4);
        StringBuilder lowered = new StringBuilder();
        assertThat(VerificationRules.quality(energy, false, true, lowered)).isEqualTo(3);
        assertThat(lowered.toString()).contains("OPEN_CRITICAL_FINDING");
    }
}
