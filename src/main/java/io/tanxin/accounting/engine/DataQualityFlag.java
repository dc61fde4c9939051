package io.tanxin.accounting.engine;

/** Conditions that lower confidence in an account, for the data-quality score and the report. */
public enum DataQualityFlag {
    /** Enterprise-measured NCV, carbon content, oxidation or composition replaced a default. */
    MEASURED_VALUES_USED,
    /** Clinker or kiln dust priced by the default factor because CaO and MgO were not both measured. */
    DEFAULT_CLINKER_FACTOR,
    GRID_FACTOR_YEAR_FALLBACK,
    GRID_FACTOR_REGION_FALLBACK,
    /** A factor whose reference status is unverified, inferred, unofficial or draft was used. */
    UNCONFIRMED_FACTOR
}
