package io.tanxin.bench;

import io.tanxin.accounting.engine.Activity;
import io.tanxin.accounting.engine.ActivityKind;
import io.tanxin.accounting.engine.CalculationInput;
import io.tanxin.accounting.engine.CarbonEngine;
import io.tanxin.accounting.engine.FactorSet;
import io.tanxin.accounting.engine.FactorSetCsv;
import io.tanxin.accounting.engine.Methodology;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Engine throughput in enterprise-months per second on one thread: each operation is one
 * {@code CarbonEngine.calculate} of one enterprise-month from a fixed, seeded mix of Shanxi-like
 * enterprises (GENERAL, POWER, STEEL, CEMENT, COKING; 5–8 activities each; data years 2022–2025,
 * so some use the latest-published grid factor; a few outside Shanxi fall back to regional or
 * national factors).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class EngineThroughputBenchmark {

    static final int ENTERPRISE_MONTHS = 1024;

    private final CarbonEngine engine = new CarbonEngine();
    private FactorSet factors;
    private CalculationInput[] inputs;

    @Setup
    public void setUp() {
        factors = FactorSetCsv.bundled("CN-REFERENCE", 1);
        inputs = EnterpriseMonths.generate(ENTERPRISE_MONTHS, 20240601L);
        for (CalculationInput input : inputs) {
            engine.calculate(input, factors); // every generated input must be valid
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENTERPRISE_MONTHS)
    public void enterpriseMonths(Blackhole bh) {
        for (CalculationInput input : inputs) {
            bh.consume(engine.calculate(input, factors));
        }
    }

    /** Deterministic synthetic enterprise-months; quantities are plausible monthly figures. */
    static final class EnterpriseMonths {

        private final Random random;

        private EnterpriseMonths(long seed) {
            this.random = new Random(seed);
        }

        static CalculationInput[] generate(int count, long seed) {
            EnterpriseMonths g = new EnterpriseMonths(seed);
            CalculationInput[] result = new CalculationInput[count];
            for (int i = 0; i < count; i++) {
                result[i] = g.next();
            }
            return result;
        }

        private CalculationInput next() {
            int pick = random.nextInt(100);
            Methodology m = pick < 40 ? Methodology.GENERAL : pick < 55 ? Methodology.POWER
                    : pick < 70 ? Methodology.STEEL : pick < 85 ? Methodology.CEMENT : Methodology.COKING;
            int region = random.nextInt(20);
            String province = region < 17 ? "14" + String.format("%02d", 1 + random.nextInt(11)) + "00"
                    : region < 19 ? "150000" : "440000";
            String grid = region < 19 ? "NORTH_CHINA" : "SOUTH_CHINA";
            int year = 2022 + random.nextInt(4);
            List<Activity> activities = new ArrayList<>(8);
            switch (m) {
                case GENERAL -> general(activities);
                case POWER -> power(activities);
                case STEEL -> steel(activities);
                case CEMENT -> cement(activities);
                case COKING -> coking(activities);
                default -> throw new IllegalStateException();
            }
            return new CalculationInput(m, province, grid, year, activities);
        }

        private void general(List<Activity> a) {
            a.add(random.nextBoolean() ? fuel("NATURAL_GAS", "Nm3", 50_000, 5_000_000) : fuel("DIESEL", "kg", 500, 50_000));
            if (random.nextBoolean()) {
                a.add(fuel("BITUMINOUS", "t", 50, 2000));
            }
            BigDecimal kwh = amount(100_000, 5_000_000);
            a.add(new Activity(ActivityKind.ELECTRICITY_PURCHASED, null, kwh, "kWh"));
            if (random.nextInt(3) == 0) {
                a.add(new Activity(ActivityKind.GREEN_ELECTRICITY, null,
                        kwh.divide(BigDecimal.valueOf(4), 0, RoundingMode.DOWN), "kWh"));
            }
            if (random.nextInt(4) == 0) {
                a.add(activity(ActivityKind.HEAT_PURCHASED, null, 100, 5000, "GJ"));
            }
            a.add(activity(ActivityKind.VALUE_ADDED, null, 500_000, 50_000_000, "元"));
            a.add(activity(ActivityKind.OUTPUT, "PRODUCT", 100, 10_000, "t"));
        }

        private void power(List<Activity> a) {
            a.add(fuel("BITUMINOUS", "t", 50_000, 300_000));
            a.add(fuel("DIESEL", "t", 1, 20));
            a.add(activity(ActivityKind.ELECTRICITY_PURCHASED, null, 100, 5000, "MWh"));
            a.add(activity(ActivityKind.OUTPUT, "ELECTRICITY_SUPPLIED", 100_000, 600_000, "MWh"));
            if (random.nextBoolean()) {
                a.add(activity(ActivityKind.OUTPUT, "HEAT_SUPPLIED", 50_000, 400_000, "GJ"));
            }
            a.add(activity(ActivityKind.VALUE_ADDED, null, 1000, 20_000, "万元"));
        }

        private void steel(List<Activity> a) {
            a.add(fuel("COKE", "t", 20_000, 80_000));
            a.add(fuel("BLAST_FURNACE_GAS", "10^4 Nm3", 5_000, 40_000));
            a.add(activity(ActivityKind.FLUX, random.nextBoolean() ? "LIMESTONE_FLUX" : "DOLOMITE_FLUX", 1000, 10_000, "t"));
            a.add(activity(ActivityKind.ELECTRODE, null, 10, 200, "t"));
            a.add(activity(ActivityKind.FIXED_CARBON_PRODUCT, "CRUDE_STEEL_FIXED_CARBON", 50_000, 200_000, "t"));
            a.add(activity(ActivityKind.ELECTRICITY_PURCHASED, null, 10_000, 100_000, "MWh"));
            a.add(activity(ActivityKind.OUTPUT, "CRUDE_STEEL", 50_000, 200_000, "t"));
        }

        private void cement(List<Activity> a) {
            a.add(fuel("BITUMINOUS", "t", 5_000, 30_000));
            BigDecimal clinker = amount(50_000, 200_000);
            if (random.nextBoolean()) {
                a.add(new Activity(ActivityKind.CLINKER, "CLINKER", clinker, "t", Map.of(
                        "cao", new BigDecimal("0.65"), "mgo", new BigDecimal("0.021"),
                        "nonCarbonateCao", new BigDecimal("0.008"))));
            } else {
                a.add(new Activity(ActivityKind.CLINKER, "CLINKER", clinker, "t"));
            }
            a.add(activity(ActivityKind.RAW_MEAL, null, 80_000, 300_000, "t"));
            a.add(activity(ActivityKind.ELECTRICITY_PURCHASED, null, 5_000, 20_000, "MWh"));
            a.add(new Activity(ActivityKind.OUTPUT, "CLINKER", clinker, "t"));
            a.add(activity(ActivityKind.OUTPUT, "CEMENT", 60_000, 250_000, "t"));
        }

        private void coking(List<Activity> a) {
            BigDecimal coal = amount(50_000, 150_000);
            a.add(new Activity(ActivityKind.COKING_INPUT, "WASHED_COAL", coal, "t",
                    Map.of("carbonContentPerUnit", new BigDecimal("0.78"))));
            BigDecimal coke = coal.multiply(new BigDecimal("0.75")).setScale(0, RoundingMode.DOWN);
            a.add(new Activity(ActivityKind.COKING_OUTPUT, "COKE", coke, "t"));
            a.add(new Activity(ActivityKind.COKING_OUTPUT, "COKE_OVEN_GAS",
                    coal.multiply(new BigDecimal("0.04")).setScale(0, RoundingMode.DOWN), "10^4 Nm3"));
            a.add(new Activity(ActivityKind.COKING_OUTPUT, "TAR",
                    coal.multiply(new BigDecimal("0.03")).setScale(0, RoundingMode.DOWN), "t"));
            a.add(fuel("COKE_OVEN_GAS", "10^4 Nm3", 500, 2000));
            a.add(activity(ActivityKind.ELECTRICITY_PURCHASED, null, 2_000, 10_000, "MWh"));
            a.add(new Activity(ActivityKind.OUTPUT, "COKE", coke, "t"));
        }

        private Activity fuel(String code, String unit, int min, int max) {
            return activity(ActivityKind.FUEL, code, min, max, unit);
        }

        private Activity activity(ActivityKind kind, String code, int min, int max, String unit) {
            return new Activity(kind, code, amount(min, max), unit);
        }

        /** A quantity with two decimals, as meters and invoices report them. */
        private BigDecimal amount(int min, int max) {
            long cents = (long) min * 100 + (long) (random.nextDouble() * (max - min) * 100);
            return BigDecimal.valueOf(cents, 2);
        }
    }
}
