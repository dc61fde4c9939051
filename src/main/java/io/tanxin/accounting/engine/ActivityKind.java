package io.tanxin.accounting.engine;

import java.util.List;
import java.util.Set;

/**
 * What an activity line measures. Process kinds name the process factors their code may take;
 * each kind lists the measured parameters it understands, so that a misspelt parameter is an
 * error instead of a silently ignored measurement.
 */
public enum ActivityKind {
    /** Fuel burnt; code from fuels.csv. */
    FUEL(List.of(), Set.of("ncv", "carbonContent", "oxidationRate")),
    ELECTRICITY_PURCHASED(List.of(), Set.of()),
    /** The part of purchased electricity covered by green-power trades or certificates. */
    GREEN_ELECTRICITY(List.of(), Set.of()),
    ELECTRICITY_EXPORTED(List.of(), Set.of()),
    HEAT_PURCHASED(List.of(), Set.of()),
    HEAT_EXPORTED(List.of(), Set.of()),
    FLUX(List.of("LIMESTONE_FLUX", "DOLOMITE_FLUX"), Set.of()),
    ELECTRODE(List.of("ELECTRODE"), Set.of()),
    /**
     * Carbon anodes consumed in aluminium electrolysis. Recorded so aluminium smelters' data is kept
     * as reported; no implemented methodology allows it yet, so it is never computed by another rule.
     */
    ANODE(List.of("PREBAKED_ANODE"), Set.of()),
    PURCHASED_IRON(List.of("PURCHASED_PIG_IRON", "DIRECT_REDUCED_IRON", "FERRONICKEL", "FERROCHROME",
            "FERROMOLYBDENUM"), Set.of()),
    /** Carbon leaving in products; deducted from Scope 1. */
    FIXED_CARBON_PRODUCT(List.of("CRUDE_STEEL_FIXED_CARBON", "METHANOL_FIXED_CARBON"), Set.of()),
    /** Clinker produced; parameters are mass fractions of clinker. */
    CLINKER(List.of(), Set.of("cao", "mgo", "nonCarbonateCao", "nonCarbonateMgo")),
    KILN_DUST(List.of(), Set.of("cao", "mgo", "nonCarbonateCao", "nonCarbonateMgo")),
    RAW_MEAL(List.of(), Set.of("organicCarbon")),
    /** Carbon entering the coking mass balance; code from fuels.csv unless carbon is measured. */
    COKING_INPUT(List.of(), Set.of("carbonContentPerUnit")),
    COKING_OUTPUT(List.of(), Set.of("carbonContentPerUnit")),
    /** A product quantity: a denominator, never an emission. */
    OUTPUT(List.of(), Set.of()),
    VALUE_ADDED(List.of(), Set.of());

    private final List<String> processFactorCodes;
    private final Set<String> parameterNames;

    ActivityKind(List<String> processFactorCodes, Set<String> parameterNames) {
        this.processFactorCodes = processFactorCodes;
        this.parameterNames = parameterNames;
    }

    /** Codes a process kind may carry; empty for kinds that are not priced by one process factor. */
    public List<String> processFactorCodes() {
        return processFactorCodes;
    }

    public Set<String> parameterNames() {
        return parameterNames;
    }
}
