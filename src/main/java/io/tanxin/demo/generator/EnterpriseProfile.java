package io.tanxin.demo.generator;

import io.tanxin.demo.generator.DemoEnterprise.SizeClass;
import java.util.SplittableRandom;

/**
 * The hidden "physics" of one synthetic enterprise: its scale, efficiency, trend and habits, from which
 * the monthly activity data are simulated. Built deterministically from (seed, enterprise index).
 */
final class EnterpriseProfile {

    final DemoEnterprise enterprise;
    final DemoIndustry industry;
    final long activitySeed;
    final boolean featured;

    /** Annual main output at the start (output units), or installed capacity in MW for power plants. */
    double scale;
    /** Multiplier on energy use per unit of output (1 = typical; above 1 is less efficient). */
    double efficiency;
    /** 10^4 CNY value-added per unit of main output (per MWh supplied for power). */
    double valueAddedPerUnit;
    /** Annual change of energy intensity (negative = improving). */
    double intensityTrend;
    /** Annual change of output. */
    double outputTrend;
    /** First month index with data (later for plants commissioned during the period). */
    int startMonth;

    /** Electric-arc-furnace steel mill (short process). */
    boolean eaf;
    /** Main coal fuel code for boilers and kilns. */
    String coalFuel = "BITUMINOUS";
    boolean usesGas;
    boolean buysHeat;
    boolean exportsElectricity;
    boolean exportsHeat;
    boolean buysCokeOvenGas;
    boolean measuredClinker;
    double cao;
    double mgo;
    double rawMealRatio;
    double cokeYield;
    boolean cokeOvenGasRoute;

    /** Power: full-load hours per year, own-use share, standard coal per MWh supplied (t ce/MWh). */
    double hours;
    double ownUse;
    double coalPerMwh;
    /** CHP: peak monthly heat supplied (GJ per month in January). */
    double peakHeat;
    /** Power: month of the year (0–11) of the annual overhaul. */
    int overhaulMonth;

    /** GREEN_POWER_TRADE or GREEN_CERTIFICATE, or null without green electricity. */
    String greenCode;
    double greenShareStart;
    double greenShareGrowth;
    int greenStartMonth;

    EnterpriseProfile(DemoEnterprise enterprise, long activitySeed, boolean featured) {
        this.enterprise = enterprise;
        this.industry = DemoIndustry.of(enterprise.industryCode());
        this.activitySeed = activitySeed;
        this.featured = featured;
    }

    /** Draws the profile's properties; eaf is decided beforehand (it appears in the name). */
    void draw(SplittableRandom r, int months) {
        SizeClass size = enterprise.sizeClass();
        int s = size.ordinal();
        double[] effBySize = {0.92, 1.0, 1.08, 1.18};
        double[] vaBySize = {1.10, 1.0, 0.92, 0.85};
        boolean general = industry.methodology().equals("GENERAL");
        efficiency = effBySize[s] * Rng.noise(r, general ? 0.18 : 0.08);
        // product mix varies widely among general firms (cell maker vs pack assembler, sorting vs pelletising)
        boolean diverse = general && industry != DemoIndustry.WIND && industry != DemoIndustry.SOLAR;
        valueAddedPerUnit = vaBySize[s] * Rng.noise(r, diverse ? 0.40 : 0.15);

        double pImprove = switch (enterprise.transitionStage()) {
            case INITIAL -> 0.35;
            case MIDDLE -> 0.50;
            case MATURE -> 0.55;
        };
        int trendKind = Rng.weighted(r, pImprove, 0.35, 0.65 - pImprove);
        intensityTrend = switch (trendKind) {
            case 0 -> -Rng.uniform(r, 0.02, 0.08);
            case 1 -> Rng.uniform(r, -0.01, 0.01);
            default -> Rng.uniform(r, 0.01, 0.04);
        };
        if (industry == DemoIndustry.THERMAL || industry == DemoIndustry.CHP) {
            intensityTrend *= 0.25; // power plants change little from year to year
        } else if (!general) {
            intensityTrend *= 0.5; // heavy industry: at most about 4% a year
        }
        outputTrend = switch (industry) {
            case WIND, SOLAR, BATTERY -> Rng.uniform(r, 0.0, 0.15);
            case COAL -> Rng.uniform(r, -0.03, 0.04);
            default -> Rng.uniform(r, -0.04, 0.08);
        };
        if ((industry == DemoIndustry.WIND || industry == DemoIndustry.SOLAR || industry == DemoIndustry.BATTERY)
                && months > 18 && Rng.chance(r, 0.08)) {
            startMonth = 6 + r.nextInt(months - 12);
        }

        String region = enterprise.regionCode();
        coalFuel = (region.equals("140300") || region.equals("140400")) && Rng.chance(r, 0.5) ? "ANTHRACITE" : "BITUMINOUS";
        usesGas = Rng.chance(r, 0.3);
        buysHeat = Rng.chance(r, 0.2);
        overhaulMonth = 3 + r.nextInt(7); // April–October, outside the heating season

        switch (industry) {
            case COAL -> scale = annual(r, size, 3e6, 12e6, 1.2e6, 3e6, 4.5e5, 1.2e6, 1e5, 3e5);
            case COKING -> {
                scale = annual(r, size, 1.5e6, 3e6, 8e5, 1.5e6, 3e5, 8e5, 1e5, 3e5);
                cokeYield = Rng.uniform(r, 0.615, 0.640);
                exportsElectricity = Rng.chance(r, 0.4);
                exportsHeat = Rng.chance(r, 0.25);
            }
            case CHEMICAL -> {
                scale = annual(r, size, 3e5, 6e5, 1e5, 3e5, 3e4, 1e5, 1e4, 3e4);
                cokeOvenGasRoute = Rng.chance(r, 0.4);
                buysHeat = Rng.chance(r, 0.4);
            }
            case CEMENT -> {
                scale = annual(r, size, 1.5e6, 3e6, 6e5, 1.5e6, 2e5, 6e5, 1e5, 2e5);
                measuredClinker = size != SizeClass.SMALL && size != SizeClass.MICRO && Rng.chance(r, 0.8);
                cao = Rng.uniform(r, 0.640, 0.660);
                mgo = Rng.uniform(r, 0.010, 0.030);
                rawMealRatio = Rng.uniform(r, 1.52, 1.58);
            }
            case IRON -> scale = annual(r, size, 2e6, 5e6, 8e5, 2e6, 3e5, 8e5, 1e5, 3e5);
            case STEEL -> {
                scale = eaf ? annual(r, size, 1e6, 2e6, 4e5, 1e6, 2e5, 4e5, 1e5, 2e5)
                        : annual(r, size, 3e6, 1e7, 1e6, 3e6, 5e5, 1e6, 3e5, 5e5);
                buysCokeOvenGas = !eaf && Rng.chance(r, 0.4);
                exportsElectricity = !eaf && Rng.chance(r, 0.3);
                exportsHeat = !eaf && Rng.chance(r, 0.4);
            }
            case ALUMINIUM -> scale = annual(r, size, 3e5, 5e5, 1e5, 3e5, 5e4, 1e5, 2e4, 5e4);
            case BATTERY -> {
                scale = annual(r, size, 2e6, 8e6, 3e5, 2e6, 3e4, 3e5, 5e3, 3e4);
                efficiency *= Rng.noise(r, 0.15);
                buysHeat = Rng.chance(r, 0.5);
            }
            case METAL_SCRAP -> scale = annual(r, size, 3e5, 8e5, 8e4, 3e5, 1.5e4, 8e4, 2e3, 1.5e4);
            case WASTE -> scale = annual(r, size, 2e5, 5e5, 5e4, 2e5, 1e4, 5e4, 1e3, 1e4);
            case THERMAL, CHP -> {
                boolean chp = industry == DemoIndustry.CHP;
                double[] large = chp ? new double[] {600, 660, 700} : new double[] {600, 660, 1000};
                double[] medium = chp ? new double[] {300, 350} : new double[] {300, 330, 350};
                scale = size == SizeClass.LARGE ? large[r.nextInt(large.length)] : medium[r.nextInt(medium.length)];
                hours = chp ? Rng.uniform(r, 4600, 5000) : Rng.uniform(r, 4300, 4700);
                ownUse = Rng.uniform(r, 0.045, 0.065);
                if (chp) {
                    coalPerMwh = Rng.uniform(r, 0.295, 0.315);
                    peakHeat = scale * Rng.uniform(r, 2000, 3000);
                } else if (scale >= 1000) {
                    coalPerMwh = Rng.uniform(r, 0.288, 0.300);
                } else if (scale >= 600) {
                    coalPerMwh = Rng.uniform(r, 0.300, 0.318);
                } else {
                    coalPerMwh = Rng.uniform(r, 0.318, 0.338);
                }
                efficiency = Rng.noise(r, 0.01);
                valueAddedPerUnit = Rng.uniform(r, 0.008, 0.012);
            }
            case WIND -> {
                scale = annual(r, size, 200, 400, 100, 200, 49.5, 100, 10, 49.5);
                hours = Rng.uniform(r, 2000, 2400);
            }
            case SOLAR -> {
                scale = annual(r, size, 100, 300, 50, 100, 10, 50, 1, 10);
                hours = Rng.uniform(r, 1350, 1550);
            }
        }

        double pGreen = switch (industry) {
            case BATTERY -> 0.7;
            case STEEL -> eaf ? 0.5 : 0.1;
            case ALUMINIUM -> 0.3;
            case METAL_SCRAP -> 0.25;
            case WASTE -> 0.2;
            case COAL -> 0.15;
            case THERMAL, CHP, WIND, SOLAR -> 0.0;
            default -> 0.1;
        };
        if (Rng.chance(r, pGreen)) {
            greenCode = Rng.chance(r, 0.7) ? "GREEN_POWER_TRADE" : "GREEN_CERTIFICATE";
            greenShareStart = Rng.uniform(r, 0.05, 0.30);
            greenShareGrowth = Rng.uniform(r, 0.05, 0.15);
            greenStartMonth = Rng.chance(r, 0.5) ? 0 : r.nextInt(Math.max(1, months * 2 / 3));
        }
    }

    /** Annual output, log-uniform within the range of the size class (large, medium, small, micro). */
    private double annual(SplittableRandom r, SizeClass size, double... ranges) {
        int i = size.ordinal() * 2;
        return Rng.logUniform(r, ranges[i], ranges[i + 1]);
    }

    /** The featured enterprise: a clean, improving electric-arc mill with growing green power. */
    void makeFeatured() {
        scale = 6e5;
        efficiency = 1.0;
        valueAddedPerUnit = 1.0;
        intensityTrend = -0.05;
        outputTrend = 0.03;
        startMonth = 0;
        greenCode = "GREEN_POWER_TRADE";
        greenShareStart = 0.12;
        greenShareGrowth = 0.12;
        greenStartMonth = 0;
        buysHeat = false;
        usesGas = true;
    }
}
