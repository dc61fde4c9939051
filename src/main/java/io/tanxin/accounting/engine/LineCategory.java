package io.tanxin.accounting.engine;

/** Where a line's tonnes go in the account. */
public enum LineCategory {
    SCOPE1_COMBUSTION,
    SCOPE1_PROCESS,
    FIXED_CARBON,
    SCOPE2_ELECTRICITY,
    SCOPE2_HEAT,
    EXPORT,
    DENOMINATOR
}
