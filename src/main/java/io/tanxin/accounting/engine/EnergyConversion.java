package io.tanxin.accounting.engine;

import java.math.BigDecimal;

/** A conversion to tonnes of standard coal (GB/T 2589). */
public record EnergyConversion(String code, String nameZh, BigDecimal value, String unit, String source,
                               String status) {
}
