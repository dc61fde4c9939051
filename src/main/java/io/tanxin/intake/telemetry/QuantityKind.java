package io.tanxin.intake.telemetry;

import io.tanxin.shared.Unit;

/**
 * What a meter measures, and the accounting activity its monthly total becomes. The accounting
 * side is fixed here, not configurable, because a meter kind that lands on the wrong activity kind
 * silently moves emissions between scopes.
 */
public enum QuantityKind {
    ELECTRICITY("电表（外购电力）", Unit.Dimension.ENERGY, "ELECTRICITY_PURCHASED", "GRID", Unit.MWH),
    NATURAL_GAS("天然气表", Unit.Dimension.VOLUME, "FUEL", "NATURAL_GAS", Unit.TEN_THOUSAND_NM3),
    HEAT("热量表（外购热力）", Unit.Dimension.ENERGY, "HEAT_PURCHASED", "HEAT", Unit.GJ),
    ONSITE_GREEN("厂内绿电发电表", Unit.Dimension.ENERGY, "OUTPUT", "ONSITE_GREEN_GENERATION", Unit.MWH);

    private final String nameZh;
    private final Unit.Dimension dimension;
    private final String activityKind;
    private final String activityCode;
    private final Unit activityUnit;

    QuantityKind(String nameZh, Unit.Dimension dimension, String activityKind, String activityCode, Unit activityUnit) {
        this.nameZh = nameZh;
        this.dimension = dimension;
        this.activityKind = activityKind;
        this.activityCode = activityCode;
        this.activityUnit = activityUnit;
    }

    public String nameZh() {
        return nameZh;
    }

    /** The dimension a meter of this kind must count in: a gas meter in kWh is a registration error. */
    public Unit.Dimension dimension() {
        return dimension;
    }

    public String activityKind() {
        return activityKind;
    }

    public String activityCode() {
        return activityCode;
    }

    public Unit activityUnit() {
        return activityUnit;
    }
}
