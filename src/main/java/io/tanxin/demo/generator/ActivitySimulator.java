package io.tanxin.demo.generator;

import static io.tanxin.demo.generator.ActivityKind.*;
import static io.tanxin.demo.generator.DemoUnits.*;

import io.tanxin.demo.generator.DemoEnterprise.SizeClass;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Simulates the monthly activity data of one enterprise from its {@link EnterpriseProfile}. The per-unit
 * figures below are typical of Shanxi plants; with the default factors of reference/fuels.csv they give
 * intensities near the benchmarks (coal power ≈ 0.78–0.88 tCO2/MWh supplied, BF-BOF steel ≈ 1.7–2.3 and
 * EAF ≈ 0.4–0.6 tCO2/t crude steel, clinker ≈ 0.85 tCO2/t, coking process ≈ 0.2–0.4 tCO2/t coke).
 */
final class ActivitySimulator {

    /** GJ per tonne of standard coal (GB/T 2589). */
    static final double GJ_PER_TCE = 29.3076;

    // month-of-year profiles (January first)
    private static final double[] SEASON_POWER = {1.12, 0.92, 0.97, 0.85, 0.88, 1.0, 1.12, 1.12, 0.95, 0.9, 1.0, 1.12};
    private static final double[] SEASON_CHP = {1.2, 1.1, 1.05, 0.8, 0.8, 0.9, 1.0, 1.0, 0.85, 0.9, 1.15, 1.2};
    private static final double[] SEASON_WIND = {1.1, 1.1, 1.25, 1.25, 1.1, 0.85, 0.75, 0.7, 0.8, 0.95, 1.05, 1.1};
    private static final double[] SEASON_SOLAR = {0.75, 0.85, 1.05, 1.15, 1.2, 1.15, 1.1, 1.1, 1.0, 0.9, 0.8, 0.7};
    /** Cement: winter staggered production (错峰生产) in northern China. */
    private static final double[] SEASON_CEMENT = {0.35, 0.3, 0.9, 1.15, 1.2, 1.15, 1.05, 1.05, 1.15, 1.2, 1.1, 0.6};
    private static final double[] SEASON_COAL = {1.0, 0.85, 1.0, 1.0, 1.0, 1.0, 0.95, 0.95, 1.0, 1.05, 1.05, 1.1};
    /** Steel and coking: autumn-winter production restrictions. */
    private static final double[] SEASON_HEAVY = {0.95, 0.88, 0.95, 1.02, 1.05, 1.05, 1.04, 1.04, 1.03, 1.02, 0.98, 0.95};
    private static final double[] SEASON_DEFAULT = {0.95, 0.8, 1.0, 1.0, 1.02, 1.02, 1.0, 1.0, 1.02, 1.02, 1.04, 1.08};
    /** Share of peak heating demand; the Shanxi heating season runs from November to March. */
    private static final double[] HEATING = {1.0, 0.9, 0.6, 0, 0, 0, 0, 0, 0, 0, 0.8, 1.0};

    private final EnterpriseProfile p;
    private final YearMonth firstMonth;
    private final int months;
    private final Consumer<? super DemoActivity> sink;
    private final String uscc;

    // per-month state
    private YearMonth period;
    private SplittableRandom r;

    private ActivitySimulator(EnterpriseProfile p, YearMonth firstMonth, int months, Consumer<? super DemoActivity> sink) {
        this.p = p;
        this.firstMonth = firstMonth;
        this.months = months;
        this.sink = sink;
        this.uscc = p.enterprise.uscc();
    }

    static void simulate(EnterpriseProfile p, YearMonth firstMonth, int months, Consumer<? super DemoActivity> sink) {
        new ActivitySimulator(p, firstMonth, months, sink).run();
    }

    private void run() {
        for (int m = p.startMonth; m < months; m++) {
            period = firstMonth.plusMonths(m);
            r = Rng.of(p.activitySeed, 7, m);
            if (!p.featured && Rng.chance(r, missingMonthProbability())) {
                continue;
            }
            month(m);
        }
    }

    private double missingMonthProbability() {
        return switch (p.enterprise.sizeClass()) {
            case LARGE -> 0.001;
            case MEDIUM -> 0.004;
            case SMALL -> 0.012;
            case MICRO -> 0.02;
        };
    }

    private void month(int m) {
        int moy = period.getMonthValue() - 1;
        int yearIndex = period.getYear() - firstMonth.getYear();
        double years = m / 12.0;
        double ramp = m - p.startMonth < 3 && p.startMonth > 0 ? 0.4 + 0.2 * (m - p.startMonth) : 1.0;
        double outputFactor = StrictMath.pow(1 + p.outputTrend, years) * ramp;
        double ef = p.efficiency * StrictMath.pow(1 + p.intensityTrend, years) * Rng.noise(r, 0.02);
        double heating = HEATING[moy];
        double price = priceIndex(yearIndex);
        boolean clean = p.featured;
        // data-quality accidents, drawn every month so that the random stream does not depend on industry
        double elecSlip = 1.0;
        double slipDraw = r.nextDouble();
        if (!clean && slipDraw < 0.001) {
            elecSlip = 10.0;
        } else if (!clean && slipDraw < 0.002) {
            elecSlip = 0.1;
        }
        boolean fuelSpike = !clean && Rng.chance(r, 0.001);
        boolean valueAddedMissing = !clean && Rng.chance(r, 0.01);
        double spike = fuelSpike ? 3.0 : 1.0;

        double q; // main output this month
        double electricity; // MWh purchased, true value
        double va; // 10^4 CNY
        switch (p.industry) {
            case THERMAL, CHP -> {
                boolean chp = p.industry == DemoIndustry.CHP;
                double season = (chp ? SEASON_CHP : SEASON_POWER)[moy];
                double overhaul = moy == p.overhaulMonth ? Rng.uniform(r, 0.35, 0.55) : 1.0;
                double generated = p.scale * p.hours / 12.0 * season * overhaul * outputFactor * Rng.noise(r, 0.05);
                double supplied = generated * (1 - p.ownUse * Rng.noise(r, 0.03));
                double lowLoadPenalty = season * overhaul < 0.9 ? 1.02 : 1.0;
                double coalTce = supplied * p.coalPerMwh * ef * lowLoadPenalty;
                double heat = 0;
                if (chp) {
                    heat = p.peakHeat * Math.max(heating, 0.08) * outputFactor * Rng.noise(r, 0.06);
                    coalTce += heat * 0.039 * ef;
                }
                fuel(p.coalFuel, coalTce * GJ_PER_TCE / ncv(p.coalFuel) * spike);
                fuel("DIESEL", p.scale * 0.04 * (overhaul < 1 ? 2.0 : 1.0) * Rng.noise(r, 0.2));
                electricity = supplied * 0.002 * (overhaul < 1 ? 5.0 : 1.0) * Rng.noise(r, 0.1);
                emit(OUTPUT, "ELECTRICITY_GENERATED", generated, MWH);
                emit(OUTPUT, "ELECTRICITY_SUPPLIED", supplied, MWH);
                if (chp) {
                    emit(OUTPUT, "HEAT_SUPPLIED", heat, GJ);
                }
                q = supplied;
                va = (supplied * p.valueAddedPerUnit + heat * 0.0008) * price;
            }
            case WIND, SOLAR -> {
                double season = (p.industry == DemoIndustry.WIND ? SEASON_WIND : SEASON_SOLAR)[moy];
                double sigma = p.industry == DemoIndustry.WIND ? 0.12 : 0.06;
                q = p.scale * p.hours / 12.0 * season * outputFactor * Rng.noise(r, sigma);
                electricity = q * (p.industry == DemoIndustry.WIND ? 0.004 : 0.006) * ef;
                fuel("DIESEL", q * 0.00002 * ef);
                emit(OUTPUT, "ELECTRICITY_SUPPLIED", q, MWH);
                va = q * 0.022 * p.valueAddedPerUnit * price;
            }
            case COAL -> {
                q = monthlyOutput(SEASON_COAL[moy], outputFactor);
                electricity = q * 0.022 * ef;
                if (heating > 0) {
                    if (p.usesGas) {
                        fuel("NATURAL_GAS", q * 0.00025 * heating * ef * spike);
                    } else {
                        fuel(p.coalFuel, q * 0.004 * heating * ef * spike * 19.57 / ncv(p.coalFuel));
                    }
                    if (p.buysHeat) {
                        emit(HEAT_PURCHASED, "HOT_WATER", q * 0.02 * heating * ef, GJ);
                    }
                }
                fuel("DIESEL", q * 0.0004 * ef);
                emit(OUTPUT, "RAW_COAL", q, TONNE);
                va = q * 0.035 * p.valueAddedPerUnit * price;
            }
            case COKING -> {
                q = monthlyOutput(SEASON_HEAVY[moy], outputFactor);
                double coal = q / (p.cokeYield * Rng.noise(r, 0.003));
                double cog = q * 0.043 * Rng.noise(r, 0.02);
                emit(COKING_INPUT, "WASHED_COAL", coal, TONNE);
                emit(COKING_OUTPUT, "COKE", q, TONNE);
                emit(COKING_OUTPUT, "COKE_OVEN_GAS", cog, NM3_10K);
                emit(COKING_OUTPUT, "TAR", q * 0.040 * Rng.noise(r, 0.03), TONNE);
                emit(COKING_OUTPUT, "CRUDE_BENZENE", q * 0.0125 * Rng.noise(r, 0.03), TONNE);
                fuel("COKE_OVEN_GAS", Math.min(cog * 0.9, cog * 0.45 * ef) * spike);
                electricity = q * 0.035 * ef;
                if (p.exportsElectricity) {
                    emit(ELECTRICITY_EXPORTED, "GRID", q * 0.04 * Rng.noise(r, 0.1), MWH);
                }
                if (p.exportsHeat) {
                    emit(HEAT_EXPORTED, "STEAM", q * 0.3 * Rng.noise(r, 0.1), GJ);
                }
                emit(OUTPUT, "COKE", q, TONNE);
                va = q * 0.02 * p.valueAddedPerUnit * price;
            }
            case CHEMICAL -> {
                q = monthlyOutput(SEASON_DEFAULT[moy], outputFactor);
                if (p.cokeOvenGasRoute) {
                    fuel("COKE_OVEN_GAS", q * 0.20 * ef * spike);
                    electricity = q * 0.6 * ef;
                } else {
                    fuel("BITUMINOUS", q * 1.45 * ef * spike);
                    electricity = q * 0.25 * ef;
                }
                if (p.buysHeat) {
                    emit(HEAT_PURCHASED, "STEAM", q * 2.0 * ef, GJ);
                }
                emit(FIXED_CARBON_PRODUCT, "METHANOL_FIXED_CARBON", q, TONNE);
                emit(OUTPUT, "METHANOL", q, TONNE);
                va = q * 0.04 * p.valueAddedPerUnit * price;
            }
            case CEMENT -> {
                q = monthlyOutput(SEASON_CEMENT[moy], outputFactor);
                Map<String, BigDecimal> params = null;
                if (p.measuredClinker) {
                    params = new TreeMap<>();
                    params.put("cao", round(p.cao + Rng.uniform(r, -0.003, 0.003), 4));
                    params.put("mgo", round(p.mgo + Rng.uniform(r, -0.002, 0.002), 4));
                }
                emit(CLINKER, "CLINKER", q, TONNE, params);
                emit(RAW_MEAL, "RAW_MEAL", q * p.rawMealRatio * Rng.noise(r, 0.005), TONNE);
                fuel("BITUMINOUS", q * 0.108 * GJ_PER_TCE / ncv("BITUMINOUS") * ef * spike);
                fuel("DIESEL", q * 0.0003 * ef);
                electricity = q * 0.085 * ef;
                emit(OUTPUT, "CLINKER", q, TONNE);
                va = q * 0.012 * p.valueAddedPerUnit * price;
            }
            case IRON -> {
                q = monthlyOutput(SEASON_HEAVY[moy], outputFactor);
                fuel("COKE", q * 0.37 * ef * spike);
                fuel("BITUMINOUS", q * 0.08 * ef);
                fuel("ANTHRACITE", q * 0.10 * ef);
                fuel("NATURAL_GAS", q * 0.0005 * ef);
                emit(FLUX, "LIMESTONE_FLUX", q * 0.10 * Rng.noise(r, 0.03), TONNE);
                emit(FLUX, "DOLOMITE_FLUX", q * 0.04 * Rng.noise(r, 0.03), TONNE);
                electricity = q * 0.10 * ef;
                emit(OUTPUT, "PIG_IRON", q, TONNE);
                va = q * 0.03 * p.valueAddedPerUnit * price;
            }
            case STEEL -> {
                q = monthlyOutput(SEASON_HEAVY[moy], outputFactor);
                if (p.eaf) {
                    electricity = q * 0.52 * ef;
                    fuel("NATURAL_GAS", q * 0.003 * ef * spike);
                    fuel("ANTHRACITE", q * 0.012 * ef);
                    emit(ELECTRODE, "ELECTRODE", q * 0.0022 * Rng.noise(r, 0.05), TONNE);
                    emit(FLUX, "LIMESTONE_FLUX", q * 0.03 * Rng.noise(r, 0.05), TONNE);
                    emit(PURCHASED_IRON, "PURCHASED_PIG_IRON", q * 0.25 * Rng.noise(r, 0.08), TONNE);
                } else {
                    fuel("COKE", q * 0.39 * ef * spike);
                    fuel("BITUMINOUS", q * 0.07 * ef);
                    fuel("ANTHRACITE", q * 0.16 * ef);
                    fuel("NATURAL_GAS", q * 0.0015 * ef);
                    if (p.buysCokeOvenGas) {
                        fuel("COKE_OVEN_GAS", q * 0.004 * ef);
                    }
                    fuel("DIESEL", q * 0.0008 * ef);
                    emit(FLUX, "LIMESTONE_FLUX", q * 0.11 * Rng.noise(r, 0.03), TONNE);
                    emit(FLUX, "DOLOMITE_FLUX", q * 0.045 * Rng.noise(r, 0.03), TONNE);
                    emit(ELECTRODE, "ELECTRODE", q * 0.0002 * Rng.noise(r, 0.05), TONNE);
                    emit(PURCHASED_IRON, "PURCHASED_PIG_IRON", q * 0.03 * Rng.noise(r, 0.1), TONNE);
                    electricity = q * 0.30 * ef;
                    if (p.exportsElectricity) {
                        emit(ELECTRICITY_EXPORTED, "GRID", q * 0.015 * Rng.noise(r, 0.1), MWH);
                    }
                    if (p.exportsHeat && heating > 0) {
                        emit(HEAT_EXPORTED, "HOT_WATER", q * 0.6 * heating * Rng.noise(r, 0.05), GJ);
                    }
                }
                emit(FIXED_CARBON_PRODUCT, "CRUDE_STEEL_FIXED_CARBON", q, TONNE);
                emit(OUTPUT, "CRUDE_STEEL", q, TONNE);
                va = q * (p.eaf ? 0.08 : 0.05) * p.valueAddedPerUnit * price;
            }
            case ALUMINIUM -> {
                q = monthlyOutput(1.0, outputFactor);
                electricity = q * 13.6 * ef;
                fuel("NATURAL_GAS", q * 0.004 * ef * spike);
                // net consumption of prebaked carbon anodes (not yet in the engine's contract)
                emit(ANODE, "PREBAKED_ANODE", q * 0.41 * Rng.noise(r, 0.02), TONNE);
                emit(OUTPUT, "ALUMINIUM", q, TONNE);
                va = q * 0.25 * p.valueAddedPerUnit * price;
            }
            case BATTERY -> {
                q = monthlyOutput(SEASON_DEFAULT[moy], outputFactor);
                electricity = q * 0.022 * ef;
                if (p.usesGas || p.enterprise.sizeClass() == SizeClass.LARGE) {
                    fuel("NATURAL_GAS", q * 0.00004 * ef * spike);
                }
                if (p.buysHeat) {
                    emit(HEAT_PURCHASED, "STEAM", q * 0.03 * ef, GJ);
                }
                emit(OUTPUT, "BATTERY", q, KWH);
                va = q * 0.020 * p.valueAddedPerUnit * price;
            }
            case METAL_SCRAP -> {
                q = monthlyOutput(SEASON_DEFAULT[moy], outputFactor);
                electricity = q * 0.028 * ef;
                fuel("DIESEL", q * 0.0012 * ef * spike);
                if (p.buysHeat && heating > 0) {
                    emit(HEAT_PURCHASED, "HOT_WATER", q * 0.05 * heating * ef, GJ);
                }
                emit(OUTPUT, "METAL_SCRAP_PROCESSED", q, TONNE);
                va = q * 0.022 * p.valueAddedPerUnit * price;
            }
            case WASTE -> {
                q = monthlyOutput(SEASON_DEFAULT[moy], outputFactor);
                electricity = q * 0.055 * ef;
                fuel("DIESEL", q * 0.0015 * ef * spike);
                if (p.usesGas) {
                    fuel("NATURAL_GAS", q * 0.0001 * ef);
                }
                if (p.buysHeat && heating > 0) {
                    emit(HEAT_PURCHASED, "HOT_WATER", q * 0.05 * heating * ef, GJ);
                }
                emit(OUTPUT, "NONMETAL_WASTE_PROCESSED", q, TONNE);
                va = q * 0.045 * p.valueAddedPerUnit * price;
            }
            default -> throw new IllegalStateException(p.industry.name());
        }

        double reported = electricity * elecSlip;
        emit(ELECTRICITY_PURCHASED, "GRID", reported, MWH);
        if (p.greenCode != null && m >= p.greenStartMonth) {
            double share = Math.min(0.9, p.greenShareStart + p.greenShareGrowth * (m - p.greenStartMonth) / 12.0)
                    * Rng.noise(r, 0.05);
            // compare rounded values: green electricity never exceeds purchased electricity as stored
            BigDecimal purchased = round(reported, 3);
            BigDecimal green = round(Math.min(share, 1.0) * electricity, 3).min(purchased);
            emitExact(GREEN_ELECTRICITY, p.greenCode, green, MWH, null);
        }
        if (!valueAddedMissing) {
            emit(VALUE_ADDED, "VALUE_ADDED", va * Rng.noise(r, 0.04), CNY_10K);
        }
    }

    private double monthlyOutput(double season, double outputFactor) {
        return p.scale / 12.0 * season * outputFactor * Rng.noise(r, 0.04);
    }

    /** Price of the industry's output relative to the first year (value-added moves with it). */
    private double priceIndex(int yearIndex) {
        double[] index = switch (p.industry) {
            case COAL -> new double[] {1.0, 0.88, 0.80};
            case COKING -> new double[] {1.0, 0.85, 0.80};
            case STEEL, IRON -> new double[] {1.0, 0.90, 0.87};
            case CEMENT -> new double[] {1.0, 0.85, 0.82};
            case BATTERY -> new double[] {1.0, 0.80, 0.70};
            case ALUMINIUM -> new double[] {1.0, 1.05, 1.10};
            case CHEMICAL -> new double[] {1.0, 0.92, 0.90};
            case THERMAL, CHP -> new double[] {1.0, 0.98, 0.95};
            case WIND, SOLAR -> new double[] {1.0, 0.97, 0.94};
            default -> new double[] {1.0, 1.02, 1.04};
        };
        return index[Math.max(0, Math.min(yearIndex, index.length - 1))];
    }

    static double ncv(String fuel) {
        return switch (fuel) {
            case "BITUMINOUS" -> 19.570;
            case "ANTHRACITE" -> 26.7;
            default -> throw new IllegalArgumentException(fuel);
        };
    }

    private void fuel(String code, double quantity) {
        emit(FUEL, code, quantity, fuelUnit(code));
    }

    private void emit(ActivityKind kind, String code, double quantity, String unit) {
        emit(kind, code, quantity, unit, null);
    }

    private void emit(ActivityKind kind, String code, double quantity, String unit, Map<String, BigDecimal> params) {
        emitExact(kind, code, round(quantity, digits(unit)), unit, params);
    }

    private void emitExact(ActivityKind kind, String code, BigDecimal quantity, String unit, Map<String, BigDecimal> params) {
        if (quantity.signum() <= 0) {
            return; // nothing to report this month
        }
        sink.accept(new DemoActivity(uscc, period, kind, code, quantity, unit, params));
    }

    private static int digits(String unit) {
        return switch (unit) {
            case NM3_10K -> 4;
            case KWH -> 0;
            case GJ, CNY_10K -> 2;
            default -> 3;
        };
    }

    static BigDecimal round(double value, int digits) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("non-finite quantity");
        }
        return BigDecimal.valueOf(Math.max(0.0, value)).setScale(digits, RoundingMode.HALF_UP);
    }
}
