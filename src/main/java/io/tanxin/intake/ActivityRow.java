package io.tanxin.intake;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/** One row of monthly activity data as a source reported it (kinds and units as in accounting). */
public record ActivityRow(String uscc, YearMonth month, String kind, String code, BigDecimal quantity, String unit,
        Map<String, BigDecimal> parameters) {

    public ActivityRow {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
