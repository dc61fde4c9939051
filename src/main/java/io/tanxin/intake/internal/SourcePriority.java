package io.tanxin.intake.internal;

import java.util.List;
import java.util.Map;

import io.tanxin.intake.SourceType;

/**
 * Which source a month's account believes when several report the same kind of data: verified
 * data first, then the source that measures it (the grid meters electricity, statistics count
 * output and value-added), then the enterprise's own report. Tax invoices record purchases, not
 * consumption, so they check fuel figures but never replace them. The others are cross-checked
 * against the chosen one by verification.
 *
 * <p>The choice is made per item: a fuel, product or process material by its code (the park may
 * meter only the gas, the enterprise report the coal), an energy carrier or value-added by its kind
 * alone, since sources name the same electricity or heat with different codes.
 */
final class SourcePriority {

    private static final List<SourceType> ELECTRICITY = List.of(SourceType.VERIFIER, SourceType.POWER_GRID,
            SourceType.PARK_PLATFORM, SourceType.SELF_REPORT, SourceType.STATISTICS);
    private static final List<SourceType> HEAT = List.of(SourceType.VERIFIER, SourceType.PARK_PLATFORM,
            SourceType.SELF_REPORT, SourceType.STATISTICS);
    private static final List<SourceType> FUEL = List.of(SourceType.VERIFIER, SourceType.PARK_PLATFORM,
            SourceType.SELF_REPORT, SourceType.STATISTICS);
    private static final List<SourceType> PRODUCTION = List.of(SourceType.VERIFIER, SourceType.STATISTICS,
            SourceType.SELF_REPORT);
    private static final List<SourceType> PROCESS = List.of(SourceType.VERIFIER, SourceType.SELF_REPORT,
            SourceType.STATISTICS);

    private static final Map<String, String> GROUP = Map.ofEntries(
            Map.entry("ELECTRICITY_PURCHASED", "ELECTRICITY"), Map.entry("ELECTRICITY_EXPORTED", "ELECTRICITY"),
            Map.entry("GREEN_ELECTRICITY", "GREEN"),
            Map.entry("HEAT_PURCHASED", "HEAT"), Map.entry("HEAT_EXPORTED", "HEAT"),
            Map.entry("FUEL", "FUEL"), Map.entry("COKING_INPUT", "FUEL"), Map.entry("COKING_OUTPUT", "FUEL"),
            Map.entry("OUTPUT", "PRODUCTION"), Map.entry("VALUE_ADDED", "PRODUCTION"));

    private SourcePriority() {
    }

    private static final java.util.Set<String> CODE_IS_DESCRIPTIVE = java.util.Set.of("ELECTRICITY_PURCHASED",
            "ELECTRICITY_EXPORTED", "GREEN_ELECTRICITY", "HEAT_PURCHASED", "HEAT_EXPORTED", "VALUE_ADDED");

    static String item(io.tanxin.accounting.ActivityLine line) {
        return CODE_IS_DESCRIPTIVE.contains(line.kind()) ? line.kind() : line.kind() + "|" + line.code();
    }

    static String group(String kind) {
        return GROUP.getOrDefault(kind, "PROCESS");
    }

    static List<SourceType> order(String group) {
        return switch (group) {
            case "ELECTRICITY", "GREEN" -> ELECTRICITY;
            case "HEAT" -> HEAT;
            case "FUEL" -> FUEL;
            case "PRODUCTION" -> PRODUCTION;
            default -> PROCESS;
        };
    }
}
