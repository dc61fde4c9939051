package io.tanxin.accounting;

import java.time.YearMonth;

/** A new calculation run now backs an enterprise's monthly carbon account. */
public record CarbonAccountCalculated(String uscc, YearMonth month, long runId, String status) {
}
