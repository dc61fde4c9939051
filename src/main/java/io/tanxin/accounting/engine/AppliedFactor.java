package io.tanxin.accounting.engine;

import java.math.BigDecimal;

/**
 * A factor a line used, with where it came from, so that every number a report shows can be
 * traced. Measured values appear here too, with source "measured".
 */
public record AppliedFactor(String code, String nameZh, BigDecimal value, String unit, Integer dataYear,
                            String source, String status) {

    static final String MEASURED = "measured";

    static AppliedFactor measured(String code, String nameZh, BigDecimal value, String unit) {
        return new AppliedFactor(code, nameZh, value, unit, null, MEASURED, "measured by the enterprise; not verified here");
    }
}
