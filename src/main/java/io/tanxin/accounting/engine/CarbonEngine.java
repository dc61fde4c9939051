package io.tanxin.accounting.engine;

/**
 * The carbon-accounting engine (DESIGN §5.3): activity data × a versioned factor set → a carbon
 * account for one enterprise-period. Plain Java and stateless, so it runs the same in the web
 * application, a batch recompute or a stream job; safe to share between threads.
 *
 * <p>Formulas. Combustion {@code E = AD × NCV × CC × OF × 44/12}. Scope 1 = combustion + process −
 * carbon fixed in products. Scope 2 location = purchased MWh × location grid factor + purchased GJ
 * × heat factor; market = (purchased − green) MWh × market-residual factor + heat. Exports are
 * deductions shown apart (electricity at the location factor in the location total and at the
 * residual factor in the market total; heat at the heat factor).
 *
 * <p>POWER: electricity and heat supplied are OUTPUTs, and the intensity is per MWh supplied. A
 * combined heat-and-power plant (both ELECTRICITY_SUPPLIED and HEAT_SUPPLIED) splits its emissions
 * by energy share, electricity counted as MWh × 3.6 GJ against heat in GJ: the plain, auditable
 * choice that needs no efficiency assumptions (unlike the exergy or alternative-generation methods).
 * Its intensities are therefore {@code total × 3.6 / (3.6 × MWh + GJ)} per MWh and
 * {@code total / (3.6 × MWh + GJ)} per GJ.
 *
 * <p>Energy use (tce) counts fuels burnt (not coking feedstock, which is transformed, not used up),
 * and electricity and heat net of exports, with the GB/T 2589 equivalents of the factor set.
 */
public final class CarbonEngine {

    public static final String VERSION = "1.0.0";

    public CalculationResult calculate(CalculationInput input, FactorSet factors) {
        return new Calculation(input, factors).run();
    }
}
