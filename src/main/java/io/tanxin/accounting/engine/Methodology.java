package io.tanxin.accounting.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Accounting methodology, chosen by industry (names match reference/industries.csv). A
 * methodology that is not implemented refuses to compute rather than apply another's rules.
 */
public enum Methodology {
    GENERAL(true, common()),
    /**
     * Power sold to the grid is an OUTPUT (ELECTRICITY_SUPPLIED / HEAT_SUPPLIED), not an export:
     * deducting it would subtract the plant's own generation from its emissions.
     */
    POWER(true, without(common(), ActivityKind.ELECTRICITY_EXPORTED, ActivityKind.HEAT_EXPORTED)),
    STEEL(true, with(common(), ActivityKind.FLUX, ActivityKind.ELECTRODE, ActivityKind.PURCHASED_IRON,
            ActivityKind.FIXED_CARBON_PRODUCT)),
    COKING(true, with(common(), ActivityKind.COKING_INPUT, ActivityKind.COKING_OUTPUT)),
    CEMENT(true, with(common(), ActivityKind.CLINKER, ActivityKind.KILN_DUST, ActivityKind.RAW_MEAL)),
    /** Anode consumption and PFC emissions are not modelled yet. */
    ALUMINIUM(false, Set.of()),
    /** The chemical carbon mass balance is not modelled yet. */
    CHEMICAL(false, Set.of());

    private final boolean implemented;
    private final Set<ActivityKind> allowedKinds;

    Methodology(boolean implemented, Set<ActivityKind> allowedKinds) {
        this.implemented = implemented;
        this.allowedKinds = allowedKinds;
    }

    public boolean isImplemented() {
        return implemented;
    }

    public boolean allows(ActivityKind kind) {
        return allowedKinds.contains(kind);
    }

    private static EnumSet<ActivityKind> common() {
        return EnumSet.of(ActivityKind.FUEL, ActivityKind.ELECTRICITY_PURCHASED, ActivityKind.GREEN_ELECTRICITY,
                ActivityKind.ELECTRICITY_EXPORTED, ActivityKind.HEAT_PURCHASED, ActivityKind.HEAT_EXPORTED,
                ActivityKind.OUTPUT, ActivityKind.VALUE_ADDED);
    }

    private static EnumSet<ActivityKind> with(EnumSet<ActivityKind> kinds, ActivityKind... more) {
        kinds.addAll(List.of(more));
        return kinds;
    }

    private static EnumSet<ActivityKind> without(EnumSet<ActivityKind> kinds, ActivityKind... less) {
        kinds.removeAll(List.of(less));
        return kinds;
    }
}
