package io.tanxin.accounting.engine;

/** Stable codes of engine errors; API clients match on these names, so never rename one. */
public enum CalculationErrorCode {
    UNKNOWN_UNIT,
    UNIT_NOT_CONVERTIBLE,
    NEGATIVE_QUANTITY,
    UNKNOWN_FUEL,
    UNKNOWN_PROCESS_FACTOR,
    FACTOR_MISSING,
    METHODOLOGY_NOT_IMPLEMENTED,
    /** The activity kind has no meaning under the chosen methodology. */
    ACTIVITY_NOT_ALLOWED,
    GREEN_EXCEEDS_PURCHASED,
    INVALID_PARAMETER,
    /** A quantity or parameter beyond any real figure (10¹² and more, or absurdly many digits). */
    ABSURD_VALUE,
    /** A reference CSV that cannot be read as a factor set. */
    REFERENCE_DATA_INVALID
}
