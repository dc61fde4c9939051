package io.tanxin.demo.generator;

import java.util.Map;
import java.util.TreeMap;

/** Test-side emission factors computed from reference/fuels.csv defaults and process_factors.csv. */
final class DemoFactors {

    /** tCO2 per unit of fuel: NCV × CC × OF × 44/12. */
    static final Map<String, Double> FUEL = new TreeMap<>();
    /** Carbon content in tC per unit (NCV × CC), for carbon balances. */
    static final Map<String, Double> CARBON = new TreeMap<>();
    /** Net calorific value in GJ per unit. */
    static final Map<String, Double> NCV = new TreeMap<>();
    /** tCO2 per t of process input (fixed-carbon products are deducted). */
    static final Map<String, Double> PROCESS = new TreeMap<>();
    static final double GRID = 0.6634; // Shanxi 2023, tCO2/MWh
    static final double HEAT = 0.11; // tCO2/GJ

    static {
        fuel("ANTHRACITE", 26.7, 0.0274, 0.94);
        fuel("BITUMINOUS", 19.570, 0.0261, 0.93);
        fuel("LIGNITE", 11.9, 0.0280, 0.96);
        fuel("WASHED_COAL", 26.334, 0.02541, 0.90);
        fuel("RAW_COAL", 20.908, 0.0258, 0.93);
        fuel("COKE", 28.435, 0.0295, 0.93);
        fuel("CRUDE_OIL", 41.816, 0.0201, 0.98);
        fuel("FUEL_OIL", 41.816, 0.0211, 0.98);
        fuel("DIESEL", 42.652, 0.0202, 0.98);
        fuel("GASOLINE", 43.070, 0.0189, 0.98);
        fuel("LPG", 50.179, 0.0172, 0.98);
        fuel("NATURAL_GAS", 389.31, 0.0153, 0.99);
        fuel("COKE_OVEN_GAS", 179.81, 0.01358, 0.99);
        fuel("BLAST_FURNACE_GAS", 33.00, 0.0708, 0.99);
        fuel("CONVERTER_GAS", 84.00, 0.0496, 0.99);
        fuel("OTHER_GAS", 52.270, 0.0122, 0.99);
        fuel("TAR", 33.453, 0.0220, 0.98);
        fuel("CRUDE_BENZENE", 41.816, 0.0227, 0.98);
        PROCESS.put("LIMESTONE_FLUX", 0.440);
        PROCESS.put("DOLOMITE_FLUX", 0.471);
        PROCESS.put("ELECTRODE", 3.663);
        PROCESS.put("PURCHASED_PIG_IRON", 0.172);
        PROCESS.put("CRUDE_STEEL_FIXED_CARBON", -0.0154);
        PROCESS.put("METHANOL_FIXED_CARBON", -1.375);
        // aluminium anodes (not in process_factors.csv): carbon share about 98% x 44/12
        PROCESS.put("PREBAKED_ANODE", 3.59);
    }

    private DemoFactors() {
    }

    private static void fuel(String code, double ncv, double cc, double of) {
        FUEL.put(code, ncv * cc * of * 44.0 / 12.0);
        CARBON.put(code, ncv * cc);
        NCV.put(code, ncv);
    }
}
