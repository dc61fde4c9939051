package io.tanxin.accounting;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One enterprise-month's headline figures from its newest run: location-based total (tCO2e) and
 * energy (tce); both null when the month could not be computed.
 */
public record EnterpriseMonthTotal(String uscc, YearMonth month, boolean computed, BigDecimal totalLocationTco2e,
        BigDecimal energyTce) {
}
