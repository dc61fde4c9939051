package io.tanxin.demo.generator;

import java.util.List;

/** Unit strings and reference codes used in the demo activity data. */
public final class DemoUnits {

    public static final String TONNE = "t";
    public static final String NM3_10K = "10^4 Nm3";
    public static final String MWH = "MWh";
    public static final String KWH = "kWh";
    public static final String GJ = "GJ";
    public static final String CNY_10K = "10^4 CNY";

    /** The fuel codes of reference/fuels.csv (every FUEL row uses one of them). */
    public static final List<String> FUEL_CODES = List.of(
            "ANTHRACITE", "BITUMINOUS", "LIGNITE", "WASHED_COAL", "RAW_COAL", "COKE", "CRUDE_OIL", "FUEL_OIL",
            "DIESEL", "GASOLINE", "LPG", "NATURAL_GAS", "COKE_OVEN_GAS", "BLAST_FURNACE_GAS", "CONVERTER_GAS",
            "OTHER_GAS", "TAR", "CRUDE_BENZENE");

    /** Fuels measured in 10^4 Nm3 (all others in t). */
    public static final List<String> GAS_FUEL_CODES = List.of(
            "NATURAL_GAS", "COKE_OVEN_GAS", "BLAST_FURNACE_GAS", "CONVERTER_GAS", "OTHER_GAS");

    private DemoUnits() {
    }

    public static String fuelUnit(String fuelCode) {
        return GAS_FUEL_CODES.contains(fuelCode) ? NM3_10K : TONNE;
    }
}
