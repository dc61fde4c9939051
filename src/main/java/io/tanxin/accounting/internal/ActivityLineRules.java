package io.tanxin.accounting.internal;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.tanxin.accounting.LineProblem;
import io.tanxin.accounting.engine.ActivityKind;
import io.tanxin.accounting.engine.FactorSet;
import io.tanxin.accounting.engine.FuelFactor;
import io.tanxin.shared.Unit;

/**
 * The checks a single activity line can pass or fail on its own, before a month is calculated:
 * a known kind, a known fuel or process code, and a unit of the right dimension. Cheap enough to
 * run on every row of a million-row import.
 */
public final class ActivityLineRules {

    private static final Map<ActivityKind, Unit.Dimension> DIMENSION = new EnumMap<>(ActivityKind.class);

    static {
        for (ActivityKind k : new ActivityKind[] {ActivityKind.ELECTRICITY_PURCHASED, ActivityKind.GREEN_ELECTRICITY,
                ActivityKind.ELECTRICITY_EXPORTED, ActivityKind.HEAT_PURCHASED, ActivityKind.HEAT_EXPORTED}) {
            DIMENSION.put(k, Unit.Dimension.ENERGY);
        }
        for (ActivityKind k : new ActivityKind[] {ActivityKind.FLUX, ActivityKind.ELECTRODE, ActivityKind.ANODE, ActivityKind.PURCHASED_IRON,
                ActivityKind.FIXED_CARBON_PRODUCT, ActivityKind.CLINKER, ActivityKind.KILN_DUST, ActivityKind.RAW_MEAL}) {
            DIMENSION.put(k, Unit.Dimension.MASS);
        }
        DIMENSION.put(ActivityKind.VALUE_ADDED, Unit.Dimension.MONEY);
    }

    private ActivityLineRules() {
    }

    public static Optional<LineProblem> check(String kindText, String code, String unitText, FactorSet factors) {
        ActivityKind kind;
        try {
            kind = ActivityKind.valueOf(kindText.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            return Optional.of(new LineProblem("kind", "UNKNOWN_ACTIVITY_KIND", "未知的活动数据类型：" + kindText,
                    "Unknown activity kind: " + kindText));
        }
        Unit unit = Unit.parseOrNull(unitText);
        if (unit == null) {
            return Optional.of(new LineProblem("unit", "UNKNOWN_UNIT", "未知的计量单位：" + unitText, "Unknown unit: " + unitText));
        }
        Unit.Dimension expected = DIMENSION.get(kind);
        if (kind == ActivityKind.FUEL || kind == ActivityKind.COKING_INPUT || kind == ActivityKind.COKING_OUTPUT) {
            Optional<FuelFactor> fuel = code == null ? Optional.empty() : factors.fuel(code);
            if (fuel.isEmpty()) {
                return Optional.of(new LineProblem("code", "UNKNOWN_FUEL", "未知的燃料品种代码：" + code,
                        "Unknown fuel code: " + code));
            }
            expected = fuel.get().activityUnit().dimension();
        } else if (!kind.processFactorCodes().isEmpty() && code != null && !kind.processFactorCodes().contains(code)) {
            return Optional.of(new LineProblem("code", "UNKNOWN_PROCESS_FACTOR", "该类型不支持的品种代码：" + code,
                    "Code " + code + " is not valid for kind " + kind));
        }
        if (expected != null && unit.dimension() != expected) {
            return Optional.of(new LineProblem("unit", "UNIT_NOT_CONVERTIBLE",
                    "单位 " + unitText + " 不能换算为该类型所需的量纲",
                    "Unit " + unitText + " does not convert to what " + kind + " needs"));
        }
        return Optional.empty();
    }
}
