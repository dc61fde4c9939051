package io.tanxin.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.tanxin.demo.generator.DemoActivity;
import io.tanxin.demo.generator.DemoEnterprise;

/**
 * The demo province's data as the sources would send it, as CSV files: the enterprises' own
 * reports, the grid's metered electricity, tax invoices for solid and liquid fuels, statistics'
 * output and value-added; later ETS-verified emissions, penalties and transition data. The
 * sources disagree the way real ones do: small noise everywhere, and now and then a real gap.
 */
final class DemoSubmissions {

    static final String ACTIVITY_HEADER = "uscc,month,kind,code,quantity,unit,parameters\n";

    final StringBuilder selfReport = new StringBuilder(ACTIVITY_HEADER);
    final StringBuilder grid = new StringBuilder(ACTIVITY_HEADER);
    final StringBuilder tax = new StringBuilder(ACTIVITY_HEADER);
    final StringBuilder statistics = new StringBuilder(ACTIVITY_HEADER);
    private final SplittableRandom random;

    DemoSubmissions(long seed) {
        random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    void accept(DemoActivity a) {
        String params = a.parameters().isEmpty() ? "" : a.parameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().toPlainString()).reduce((x, y) -> x + ";" + y).orElse("");
        String kind = a.kind().name();
        if (kind.equals("OUTPUT") || kind.equals("VALUE_ADDED")) {
            // statistics count output and value-added; the enterprise reports them too
            row(statistics, a, scale(a.quantity(), 1 + random.nextGaussian() * 0.003), "");
        }
        row(selfReport, a, a.quantity(), params);
        if (kind.equals("ELECTRICITY_PURCHASED")) {
            double factor = random.nextDouble() < 0.03 ? 1 + (random.nextBoolean() ? 1 : -1) * (0.08 + random.nextDouble() * 0.15)
                    : 1 + random.nextGaussian() * 0.01;
            row(grid, a, scale(a.quantity(), factor), "");
        }
        if (kind.equals("FUEL") && "t".equals(a.unit())) {
            double factor = random.nextDouble() < 0.03 ? 1 + (random.nextBoolean() ? 1 : -1) * (0.3 + random.nextDouble() * 0.2)
                    : 1 + random.nextGaussian() * 0.04;
            row(tax, a, scale(a.quantity(), factor), "");
        }
    }

    private static void row(StringBuilder sb, DemoActivity a, BigDecimal quantity, String params) {
        sb.append(a.uscc()).append(',').append(a.period()).append(',').append(a.kind().name()).append(',')
                .append(a.code()).append(',').append(quantity.toPlainString()).append(',').append(a.unit()).append(',')
                .append(params).append('\n');
    }

    private static BigDecimal scale(BigDecimal v, double factor) {
        return v.multiply(BigDecimal.valueOf(Math.max(0, factor))).setScale(3, RoundingMode.HALF_UP);
    }

    /** ETS-verified emissions close to what Tanxin computes, with a few verifiers who disagree. */
    String ets(Map<String, Map<Integer, BigDecimal>> computedByYear) {
        StringBuilder sb = new StringBuilder("uscc,year,verified_tco2,verifier,compliance\n");
        computedByYear.forEach((uscc, years) -> years.forEach((year, computed) -> {
            double factor = random.nextDouble() < 0.06 ? 1.12 + random.nextDouble() * 0.05 : 1 + random.nextGaussian() * 0.015;
            String compliance = year == 2025 && random.nextDouble() < 0.1 ? "PENDING"
                    : random.nextDouble() < 0.04 ? "NON_COMPLIANT" : "COMPLIANT";
            sb.append(uscc).append(',').append(year).append(',').append(scale(computed, factor).toPlainString())
                    .append(",山西绿色低碳核查技术有限公司（演示）,").append(compliance).append('\n');
        }));
        return sb.toString();
    }

    /** A few penalties, some long enough ago that credit-reporting rules no longer show them. */
    String penalties(List<DemoEnterprise> enterprises) {
        StringBuilder sb = new StringBuilder("uscc,decided_on,authority,document_no,amount_cny,description,ended_on\n");
        String[] reasons = {"超标排放大气污染物", "未按规定报送温室气体排放报告", "未如实记录能源消费台账", "环保设施未正常运行"};
        int n = 0;
        for (DemoEnterprise e : enterprises) {
            if (random.nextDouble() >= 0.05) {
                continue;
            }
            LocalDate decided = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(365 * 7));
            LocalDate ended = decided.plusDays(20 + random.nextInt(90));
            sb.append(e.uscc()).append(',').append(decided).append(",演示市生态环境局,演环罚〔").append(decided.getYear())
                    .append("〕").append(++n).append("号,").append(10_000 + random.nextInt(50) * 10_000).append(',')
                    .append(reasons[random.nextInt(reasons.length)]).append(',').append(ended).append('\n');
        }
        return sb.toString();
    }

    /** Reduction investment and transition-plan progress per year; early-stage firms invest more, unevenly. */
    String transition(List<DemoEnterprise> enterprises, int firstYear, int lastYear) {
        StringBuilder sb = new StringBuilder("uscc,year,reduction_investment_10k_cny,total_investment_10k_cny,"
                + "milestones_planned,milestones_done,progress_pct\n");
        for (DemoEnterprise e : enterprises) {
            double scale = switch (e.sizeClass()) {
                case LARGE -> 50_000;
                case MEDIUM -> 8_000;
                case SMALL -> 1_500;
                case MICRO -> 300;
            };
            double ambition = switch (e.transitionStage()) {
                case INITIAL -> 0.05 + random.nextDouble() * 0.30;
                case MIDDLE -> 0.08 + random.nextDouble() * 0.20;
                case MATURE -> 0.05 + random.nextDouble() * 0.15;
            };
            int planned = 6 + random.nextInt(10);
            int done = 0;
            for (int year = firstYear; year <= lastYear; year++) {
                double total = scale * (0.7 + random.nextDouble() * 0.6);
                double share = Math.min(0.9, Math.max(0, ambition + random.nextGaussian() * 0.03));
                done = Math.min(planned, done + random.nextInt(4));
                sb.append(e.uscc()).append(',').append(year).append(',')
                        .append(BigDecimal.valueOf(total * share).setScale(2, RoundingMode.HALF_UP).toPlainString()).append(',')
                        .append(BigDecimal.valueOf(total).setScale(2, RoundingMode.HALF_UP).toPlainString()).append(',')
                        .append(planned).append(',').append(done).append(',')
                        .append(BigDecimal.valueOf(100.0 * done / planned).setScale(1, RoundingMode.HALF_UP).toPlainString())
                        .append('\n');
            }
        }
        return sb.toString();
    }

}
