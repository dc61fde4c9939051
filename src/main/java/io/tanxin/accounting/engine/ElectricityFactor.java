package io.tanxin.accounting.engine;

import java.math.BigDecimal;

/**
 * A grid or heat emission factor. {@code basis} is location, market-residual, fossil or
 * ets-compliance; {@code dataYear} is null for factors without a year (purchased heat).
 */
public record ElectricityFactor(String code, String nameZh, String region, Integer dataYear, BigDecimal value,
                                String unit, String basis, String source, String status) {

    public static final String LOCATION = "location";
    public static final String MARKET_RESIDUAL = "market-residual";
    public static final String FOSSIL = "fossil";
    public static final String ETS_COMPLIANCE = "ets-compliance";
}
