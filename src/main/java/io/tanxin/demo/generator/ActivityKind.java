package io.tanxin.demo.generator;

/**
 * Kinds of monthly activity data, as in the accounting engine's input contract. The unit of each row is
 * carried by {@link DemoActivity#unit()}; the usual units are given here.
 */
public enum ActivityKind {
    /** Fuel burned; code from reference/fuels.csv; "t" or "10^4 Nm3". */
    FUEL,
    /** Grid electricity bought; code "GRID"; MWh. */
    ELECTRICITY_PURCHASED,
    /** Part of purchased electricity covered by green-power trades or certificates; MWh, never more than purchased. */
    GREEN_ELECTRICITY,
    /** Electricity sold out of the boundary (not used for POWER plants, whose supply is OUTPUT); MWh. */
    ELECTRICITY_EXPORTED,
    /** Steam or hot water bought; GJ. */
    HEAT_PURCHASED,
    /** Steam or hot water sold (not used for CHP plants, whose supply is OUTPUT); GJ. */
    HEAT_EXPORTED,
    /** Steel fluxes: LIMESTONE_FLUX, DOLOMITE_FLUX; t. */
    FLUX,
    /** Steel electrodes: ELECTRODE; t. */
    ELECTRODE,
    ANODE,
    /** Purchased iron: PURCHASED_PIG_IRON; t. */
    PURCHASED_IRON,
    /** Carbon fixed in products: CRUDE_STEEL_FIXED_CARBON (t crude steel), METHANOL_FIXED_CARBON (t methanol). */
    FIXED_CARBON_PRODUCT,
    /** Cement clinker produced: CLINKER; t; parameters "cao" and "mgo" (mass fractions) when measured. */
    CLINKER,
    /** Cement raw meal: RAW_MEAL; t. */
    RAW_MEAL,
    /** Coking carbon-balance input: WASHED_COAL; t. */
    COKING_INPUT,
    /** Coking carbon-balance outputs: COKE t, COKE_OVEN_GAS 10^4 Nm3, TAR t, CRUDE_BENZENE t. */
    COKING_OUTPUT,
    /** Production; code per industry (RAW_COAL, CRUDE_STEEL, PIG_IRON, CLINKER, COKE, ELECTRICITY_SUPPLIED, ...). */
    OUTPUT,
    /** Industrial value-added; code "VALUE_ADDED"; 10^4 CNY. */
    VALUE_ADDED
}
