package io.tanxin.accounting.factors;

import java.math.BigDecimal;

/** One stored factor of a factor set, with the source and status it was published with. */
public record FactorRow(String category, String code, String nameZh, String nameEn, String region, Integer dataYear,
        String industry, String basis, BigDecimal value, String unit, String activityUnit, BigDecimal ncv,
        BigDecimal carbonContent, BigDecimal oxidationRate, String source, String status) {

    public static final String FUEL = "FUEL";
    public static final String ELECTRICITY_HEAT = "ELECTRICITY_HEAT";
    public static final String PROCESS = "PROCESS";
    public static final String ENERGY_CONVERSION = "ENERGY_CONVERSION";
}
