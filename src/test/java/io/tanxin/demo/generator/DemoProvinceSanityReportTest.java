package io.tanxin.demo.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Prints the generated totals and a table of average intensities per industry against the benchmarks
 * when run with {@code -Ddemo.report=true}; otherwise only checks that every industry has data.
 */
class DemoProvinceSanityReportTest {

    private static final Map<String, String> BENCHMARK = Map.of(
            "4411", "0.8177-0.8729 tCO2/MWh (ETS 2022)",
            "4412", "0.8177-0.8729 tCO2/MWh (ETS 2022, electricity)",
            "3120", "1.92 world avg; BF-BOF <= 2.32, EAF <= 0.76",
            "3011", "0.8534 tCO2/t clinker (2017 draft)",
            "3216", "9.1132 tCO2/t Al (2017 draft)");

    @Test
    void report() {
        DemoProvinceGenerator generator = new DemoProvinceGenerator(DemoProvinceGenerator.DEFAULT_SEED);
        DemoProvince province = generator.generate();
        List<DemoActivity> activities = generator.activities();
        Map<String, Totals> totals = Totals.byEnterprise(activities, 2024);
        boolean print = Boolean.getBoolean("demo.report");
        StringBuilder out = new StringBuilder();

        Map<String, Map<String, Integer>> cityIndustry = new TreeMap<>();
        for (DemoEnterprise e : province.enterprises()) {
            cityIndustry.computeIfAbsent(e.industryCode(), k -> new TreeMap<>()).merge(e.regionCode(), 1, Integer::sum);
        }
        out.append("enterprises ").append(province.enterprises().size()).append(", activity rows ")
                .append(activities.size()).append('\n');
        out.append(String.format("%-6s %-22s %6s %6s %6s %6s %6s%n", "code", "industry", "TY", "DT", "YQ", "CZ", "total"));
        int[] cityTotals = new int[4];
        for (DemoIndustry industry : DemoIndustry.values()) {
            Map<String, Integer> m = cityIndustry.getOrDefault(industry.code(), Map.of());
            int[] n = new int[4];
            for (int c = 0; c < 4; c++) {
                n[c] = m.getOrDefault(DemoIndustry.CITY_CODES.get(c), 0);
                cityTotals[c] += n[c];
            }
            out.append(String.format("%-6s %-22s %6d %6d %6d %6d %6d%n", industry.code(), industry.name(), n[0], n[1], n[2],
                    n[3], n[0] + n[1] + n[2] + n[3]));
        }
        out.append(String.format("%-29s %6d %6d %6d %6d%n", "total", cityTotals[0], cityTotals[1], cityTotals[2], cityTotals[3]));

        Map<ActivityKind, Integer> perKind = new EnumMap<>(ActivityKind.class);
        activities.forEach(a -> perKind.merge(a.kind(), 1, Integer::sum));
        out.append("rows per kind ").append(perKind).append('\n');

        out.append("\n2024 intensities (default factors, Shanxi grid 0.6634, heat 0.11; location-based)\n");
        out.append(String.format("%-6s %-12s %-26s %8s %8s %8s %8s  %-4s %-4s %-4s  %s%n", "code", "industry", "per output",
                "p10", "mean", "p90", "t/10^4", "LOW", "MED", "HIGH", "benchmark"));
        for (String row : List.of("0610", "2521", "2614", "3011", "3110", "3120 BF-BOF", "3120 EAF", "3216", "3841", "4210",
                "4220", "4411", "4412", "4415", "4416")) {
            DemoIndustry industry = DemoIndustry.of(row.substring(0, 4));
            String route = row.length() > 4 ? row.substring(5) : "";
            List<double[]> values = province.enterprises().stream()
                    .filter(e -> e.industryCode().equals(industry.code()))
                    .map(e -> totals.get(e.uscc()))
                    .filter(t -> t != null && t.output(industry.outputCode()) > 0 && t.valueAdded > 0)
                    .filter(t -> route.isEmpty() || route.equals("EAF") == (t.fuel("COKE") == 0))
                    .map(t -> {
                        double emissions = emissions(industry, t);
                        return new double[] {emissions / t.output(industry.outputCode()), emissions / t.valueAdded};
                    })
                    .toList();
            assertThat(values).as(industry.name()).isNotEmpty();
            double[] perOutput = values.stream().mapToDouble(v -> v[0]).sorted().toArray();
            double mean = 0;
            for (double v : perOutput) {
                mean += v;
            }
            mean /= perOutput.length;
            double perValueAdded = values.stream().mapToDouble(v -> v[1]).sorted().toArray()[values.size() / 2];
            int low = 0;
            int medium = 0;
            int high = 0;
            for (double[] v : values) {
                if (v[1] <= 0.6) {
                    low++;
                } else if (v[1] <= 2.0) {
                    medium++;
                } else {
                    high++;
                }
            }
            String unit = "tCO2/" + (industry.outputUnit().equals("t") ? "t " + industry.outputCode() : industry.outputUnit());
            out.append(String.format("%-6s %-12s %-26s %8.4f %8.4f %8.4f %8.2f  %-4d %-4d %-4d  %s%n", industry.code(),
                    route.isEmpty() ? industry.name() : industry.name() + " " + route, unit, perOutput[perOutput.length / 10], mean, perOutput[perOutput.length * 9 / 10], perValueAdded, low,
                    medium, high, BENCHMARK.getOrDefault(industry.code(), "")));
        }
        out.append("(t/10^4: median tCO2 per 10^4 CNY value-added; LOW/MED/HIGH: enterprises by that intensity, bands 0.6 / 2.0)\n");
        if (print) {
            System.out.println(out);
        }
    }

    /** Emissions for the table; CHP electricity net of heat at 39 kgce/GJ, steel by route. */
    private static double emissions(DemoIndustry industry, Totals t) {
        if (industry == DemoIndustry.CHP) {
            double perGj = t.combustion / t.combustionEnergyGj;
            return t.total() - t.output("HEAT_SUPPLIED") * 0.039 * ActivitySimulator.GJ_PER_TCE * perGj;
        }
        return t.total();
    }
}
