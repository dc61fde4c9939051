package io.tanxin.intake.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tanxin.accounting.ActivityLine;
import io.tanxin.intake.SourceType;
import io.tanxin.shared.Unit;

/**
 * The cross-checks of DESIGN §5.2 on one enterprise's data, as plain Java: sources against each
 * other, intensity against the industry's plausible range, month against month, computed against
 * ETS-verified emissions. Thresholds come in as data.
 */
public final class VerificationRules {

    /** The industry's main product, whose intensity is checked against the plausible range. */
    static final Map<String, String> MAIN_OUTPUT = Map.of("4411", "ELECTRICITY_SUPPLIED", "4412", "ELECTRICITY_SUPPLIED",
            "3011", "CLINKER", "3120", "CRUDE_STEEL", "3110", "PIG_IRON", "2521", "COKE");

    private final Map<String, Threshold> thresholds;

    /** @param thresholds keyed by "RULE|industry" with "RULE|*" as the default */
    public VerificationRules(Map<String, Threshold> thresholds) {
        this.thresholds = thresholds;
    }

    public record MonthData(YearMonth month, Map<SourceType, List<ActivityLine>> bySource, String status,
            BigDecimal totalTco2e, Map<String, BigDecimal> intensities) {
    }

    public record EnterpriseData(String uscc, String industryCode, List<MonthData> months,
            Map<Integer, BigDecimal> etsVerified) {
    }

    public List<CheckResult> check(EnterpriseData e) {
        List<CheckResult> results = new ArrayList<>();
        MonthData previous = null;
        Map<Integer, BigDecimal[]> yearly = new TreeMap<>();
        for (MonthData m : e.months()) {
            electricity(e, m, results);
            fuel(e, m, results);
            intensity(e, m, results);
            if (previous != null && previous.month().plusMonths(1).equals(m.month())) {
                jump(e, previous, m, results);
            }
            if ("COMPUTED".equals(m.status()) && m.totalTco2e() != null) {
                BigDecimal[] y = yearly.computeIfAbsent(m.month().getYear(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                y[0] = y[0].add(m.totalTco2e());
                y[1] = y[1].add(BigDecimal.ONE);
            }
            previous = m;
        }
        yearly.forEach((year, sum) -> {
            BigDecimal ets = e.etsVerified().get(year);
            if (ets != null && ets.signum() > 0 && sum[1].intValue() == 12) {
                compare(e, Integer.toString(year), "COMPUTED_VS_ETS", "", sum[0], ets, results,
                        "核算年排放量 %s tCO2 与碳市场核查排放量 %s tCO2 偏差 %s",
                        "Computed annual emissions %s tCO2 differ from ETS-verified %s tCO2 by %s");
            }
        });
        return results;
    }

    private void electricity(EnterpriseData e, MonthData m, List<CheckResult> out) {
        BigDecimal self = sum(m.bySource().get(SourceType.SELF_REPORT), "ELECTRICITY_PURCHASED", null, Unit.MWH);
        BigDecimal grid = sum(m.bySource().get(SourceType.POWER_GRID), "ELECTRICITY_PURCHASED", null, Unit.MWH);
        if (self != null && grid != null && grid.signum() > 0) {
            compare(e, m.month().toString(), "ELECTRICITY_SELF_VS_GRID", "", self, grid, out,
                    "企业自报外购电量 %s MWh 与电网计量 %s MWh 偏差 %s",
                    "Self-reported electricity %s MWh differs from the grid's %s MWh by %s");
        }
    }

    private void fuel(EnterpriseData e, MonthData m, List<CheckResult> out) {
        List<ActivityLine> tax = m.bySource().get(SourceType.TAX);
        List<ActivityLine> self = m.bySource().get(SourceType.SELF_REPORT);
        if (tax == null || self == null) {
            return;
        }
        for (String code : tax.stream().filter(l -> "FUEL".equals(l.kind())).map(ActivityLine::code).distinct().toList()) {
            Unit unit = tax.stream().filter(l -> code.equals(l.code())).map(l -> Unit.parseOrNull(l.unit()))
                    .filter(u -> u != null).findFirst().orElse(null);
            if (unit == null) {
                continue;
            }
            BigDecimal invoiced = sum(tax, "FUEL", code, unit);
            BigDecimal reported = sum(self, "FUEL", code, unit);
            if (invoiced != null && reported != null && invoiced.signum() > 0) {
                compare(e, m.month().toString(), "FUEL_SELF_VS_TAX", code, reported, invoiced, out,
                        "企业自报燃料(" + code + ")消费量 %s 与税务发票购入量 %s 偏差 %s",
                        "Self-reported fuel (" + code + ") %s differs from invoiced purchases %s by %s");
            }
        }
    }

    private void intensity(EnterpriseData e, MonthData m, List<CheckResult> out) {
        String output = MAIN_OUTPUT.get(e.industryCode());
        Threshold t = thresholds.get("INTENSITY_RANGE|" + e.industryCode());
        if (output == null || t == null || t.lowerBound() == null || m.intensities() == null) {
            return;
        }
        BigDecimal value = m.intensities().get("OUTPUT:" + output);
        if (value == null) {
            return;
        }
        BigDecimal distance;
        if (value.compareTo(t.lowerBound()) < 0) {
            distance = t.lowerBound().subtract(value).divide(t.lowerBound(), 6, RoundingMode.HALF_UP);
        } else if (value.compareTo(t.upperBound()) > 0) {
            distance = value.subtract(t.upperBound()).divide(t.upperBound(), 6, RoundingMode.HALF_UP);
        } else {
            return;
        }
        Severity severity = severity(distance, t);
        if (severity != null) {
            out.add(new CheckResult(e.uscc(), m.month().toString(), "INTENSITY_RANGE", output, severity, value, null,
                    distance, "单位产品碳排放强度 " + plain(value) + " 超出本行业合理范围 " + plain(t.lowerBound()) + "–"
                            + plain(t.upperBound()),
                    "Intensity " + plain(value) + " per unit of " + output + " is outside the industry's plausible range "
                            + plain(t.lowerBound()) + "–" + plain(t.upperBound())));
        }
    }

    private void jump(EnterpriseData e, MonthData previous, MonthData m, List<CheckResult> out) {
        if (!"COMPUTED".equals(previous.status()) || !"COMPUTED".equals(m.status()) || previous.totalTco2e() == null
                || m.totalTco2e() == null || previous.totalTco2e().signum() <= 0) {
            return;
        }
        compare(e, m.month().toString(), "MONTH_ON_MONTH_JUMP", "", m.totalTco2e(), previous.totalTco2e(), out,
                "本月排放量 %s tCO2 较上月 %s tCO2 变化 %s", "Emissions of %s tCO2 changed from last month's %s tCO2 by %s");
    }

    private void compare(EnterpriseData e, String period, String rule, String subject, BigDecimal measured,
            BigDecimal expected, List<CheckResult> out, String zh, String en) {
        Threshold t = threshold(rule, e.industryCode());
        if (t == null) {
            return;
        }
        BigDecimal deviation = measured.subtract(expected).abs().divide(expected, 6, RoundingMode.HALF_UP);
        Severity severity = severity(deviation, t);
        if (severity != null) {
            String pct = deviation.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
            out.add(new CheckResult(e.uscc(), period, rule, subject, severity, measured, expected, deviation,
                    zh.formatted(plain(measured), plain(expected), pct), en.formatted(plain(measured), plain(expected), pct)));
        }
    }

    private Threshold threshold(String rule, String industry) {
        Threshold specific = thresholds.get(rule + "|" + industry);
        return specific != null ? specific : thresholds.get(rule + "|*");
    }

    private static Severity severity(BigDecimal deviation, Threshold t) {
        if (deviation.compareTo(t.criticalAt()) > 0) {
            return Severity.CRITICAL;
        }
        return deviation.compareTo(t.warnAt()) > 0 ? Severity.WARNING : null;
    }

    private static BigDecimal sum(List<ActivityLine> lines, String kind, String code, Unit unit) {
        if (lines == null) {
            return null;
        }
        BigDecimal total = null;
        for (ActivityLine l : lines) {
            if (kind.equals(l.kind()) && (code == null || code.equals(l.code()))) {
                Unit u = Unit.parseOrNull(l.unit());
                if (u == null || !u.isConvertibleTo(unit)) {
                    continue;
                }
                BigDecimal v = u.convert(l.quantity(), unit);
                total = total == null ? v : total.add(v);
            }
        }
        return total;
    }

    private static String plain(BigDecimal v) {
        return v.setScale(v.abs().compareTo(BigDecimal.TEN) >= 0 ? 1 : 4, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * The month's data-quality score in the PCAF sense: 1 verified (a verifier's data, or the year's
     * ETS-verified emissions), 2 primary energy data, 3 production data only, 4 value-added only;
     * an open critical finding on the month lowers it by one.
     */
    public static int quality(MonthData m, boolean yearEtsVerified, boolean openCritical, StringBuilder basis) {
        int score;
        if (m.bySource().containsKey(SourceType.VERIFIER) || yearEtsVerified) {
            score = 1;
            basis.append("VERIFIED");
        } else if (m.bySource().values().stream().flatMap(List::stream).anyMatch(l -> l.kind().startsWith("ELECTRICITY")
                || l.kind().equals("FUEL") || l.kind().startsWith("HEAT"))) {
            score = 2;
            basis.append("PRIMARY_ENERGY_DATA");
        } else if (m.bySource().values().stream().flatMap(List::stream).anyMatch(l -> l.kind().equals("OUTPUT"))) {
            score = 3;
            basis.append("PRODUCTION_DATA");
        } else {
            score = 4;
            basis.append("VALUE_ADDED_ONLY");
        }
        if (openCritical && score < 5) {
            score++;
            basis.append(";OPEN_CRITICAL_FINDING");
        }
        return score;
    }
}
