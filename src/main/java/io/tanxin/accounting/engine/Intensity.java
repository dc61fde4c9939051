package io.tanxin.accounting.engine;

import java.math.BigDecimal;

/**
 * Emissions per unit of a denominator. The numerator is {@code totalLocationTco2e}, the basis
 * the carbon-efficiency bands use.
 *
 * @param basis "OUTPUT:" + product code, "VALUE_ADDED" or "ENERGY"
 * @param value null when the denominator is absent, zero or negative
 */
public record Intensity(String basis, BigDecimal value, String unit) {

    public static final String OUTPUT_PREFIX = "OUTPUT:";
    public static final String VALUE_ADDED = "VALUE_ADDED";
    public static final String ENERGY = "ENERGY";
}
