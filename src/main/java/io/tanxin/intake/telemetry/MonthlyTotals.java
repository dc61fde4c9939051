package io.tanxin.intake.telemetry;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tanxin.intake.ActivityRow;
import io.tanxin.shared.Unit;

/**
 * Sums meter totals into activity rows: one per enterprise and kind, in the accounting unit, in a
 * fixed order (USCC, then kind) so that the same readings always give the same submission.
 */
final class MonthlyTotals {

    private MonthlyTotals() {
    }

    static List<ActivityRow> rows(YearMonth month, List<Readings.Total> totals) {
        Map<String, Map<QuantityKind, BigDecimal>> sums = new TreeMap<>();
        for (Readings.Total t : totals) {
            BigDecimal converted = Unit.parse(t.unit()).convert(t.amount(), t.kind().activityUnit());
            sums.computeIfAbsent(t.uscc(), u -> new TreeMap<>(Comparator.comparingInt(QuantityKind::ordinal)))
                    .merge(t.kind(), converted, BigDecimal::add);
        }
        List<ActivityRow> rows = new ArrayList<>();
        sums.forEach((uscc, byKind) -> byKind.forEach((kind, amount) -> rows.add(new ActivityRow(uscc, month,
                kind.activityKind(), kind.activityCode(), normalise(amount), kind.activityUnit().symbol(), Map.of()))));
        return rows;
    }

    /** Plain scale: 12.500000 kWh summed and converted is 0.0125 MWh, not 0.012500000. */
    private static BigDecimal normalise(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
