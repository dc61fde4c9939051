package io.tanxin.accounting;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One line of a month's activity data as it is recorded: kind, code (fuel, process material or
 * output), quantity with its unit, and measured parameters (e.g. NCV, CaO content).
 */
public record ActivityLine(String kind, String code, BigDecimal quantity, String unit, Map<String, BigDecimal> parameters) {

    public ActivityLine {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
