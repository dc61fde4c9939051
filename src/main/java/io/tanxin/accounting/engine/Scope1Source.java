package io.tanxin.accounting.engine;

/** Sources of Scope 1; the deduction is held as a negative number so the sources sum to Scope 1. */
public enum Scope1Source {
    COMBUSTION,
    PROCESS,
    FIXED_CARBON_DEDUCTION
}
