package io.tanxin.console;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The whole pilot in memory, as the regulator's pages read it: one row per enterprise with its
 * current label, year figures and open findings, and the monthly emissions of the last months.
 * Built from the modules' public read APIs, so every figure here is one the API also shows.
 */
record PilotSnapshot(Instant builtAt, int year, List<YearMonth> months, List<Row> rows, Map<String, String> cityNames,
        Map<String, String> industryNames) {

    static final List<String> LABELS = List.of("DARK_GREEN", "LIGHT_GREEN", "YELLOW", "RED");

    /**
     * {@code monthly}: location-based tCO2e per month of {@link #months()} (NaN where not computed);
     * {@code tco2e} and {@code valueAdded} by year, for intensities of groups as sums, not averages.
     */
    record Row(String uscc, String name, String city, String industry, String park, String label, Double score, double[] monthly,
            double[] monthlyEnergy, Map<Integer, double[]> yearFigures, int openCritical, int openWarning) {

        public double yearTco2e(int year) {
            double[] f = yearFigures.get(year);
            return f == null ? 0 : f[0];
        }
    }

    /** One line of a breakdown: a city, an industry or an enterprise, with its label counts. */
    record Group(String code, String name, int enterprises, Map<String, Integer> labels, double tco2e,
            Double intensity, int openCritical, int openWarning) {
    }

    record Trend(List<String> months, List<Double> tco2e, List<Double> tco2PerTce, List<Integer> years,
            List<Double> intensityPerValueAdded) {
    }

    List<Row> inPark(String park) {
        return rows.stream().filter(r -> park.equals(r.park())).toList();
    }

    List<Row> select(String city, String industry) {
        Predicate<Row> p = r -> (city == null || city.equals(r.city())) && (industry == null || industry.equals(r.industry()));
        return rows.stream().filter(p).toList();
    }

    List<Group> groupBy(List<Row> selected, Function<Row, String> key, Map<String, String> names) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        selected.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return groups.entrySet().stream().map(e -> group(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .sorted(Comparator.comparingDouble(Group::tco2e).reversed()).toList();
    }

    Group group(String code, String name, List<Row> selected) {
        Map<String, Integer> labels = new LinkedHashMap<>();
        LABELS.forEach(l -> labels.put(l, 0));
        double tco2e = 0;
        double va = 0;
        int critical = 0;
        int warning = 0;
        for (Row r : selected) {
            if (r.label() != null) {
                labels.merge(r.label(), 1, Integer::sum);
            }
            double[] f = r.yearFigures().get(year);
            if (f != null) {
                tco2e += f[0];
                va += f[1];
            }
            critical += r.openCritical();
            warning += r.openWarning();
        }
        return new Group(code, name, selected.size(), labels, tco2e, va > 0 ? tco2e / va : null, critical, warning);
    }

    List<Row> largestEmitters(List<Row> selected, int limit) {
        return selected.stream().sorted(Comparator.comparingDouble((Row r) -> r.yearTco2e(year)).reversed()).limit(limit)
                .toList();
    }

    /**
     * Monthly emissions and tCO2/tce summed over the selection, and value-added intensity by year as
     * Σ tCO2e / Σ value added: an average of enterprises' intensities would weigh a workshop like a
     * steel plant.
     */
    Trend trend(List<Row> selected) {
        List<String> labels = new ArrayList<>();
        List<Double> tco2e = new ArrayList<>();
        List<Double> perTce = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            double e = 0;
            double tce = 0;
            for (Row r : selected) {
                if (!Double.isNaN(r.monthly()[i])) {
                    e += r.monthly()[i];
                    tce += r.monthlyEnergy()[i];
                }
            }
            labels.add(months.get(i).toString());
            tco2e.add(round(e));
            perTce.add(tce > 0 ? round2(e / tce) : null);
        }
        List<Integer> years = new ArrayList<>();
        List<Double> intensity = new ArrayList<>();
        for (int y = months.get(0).getYear(); y <= months.get(months.size() - 1).getYear(); y++) {
            double e = 0;
            double va = 0;
            for (Row r : selected) {
                double[] f = r.yearFigures().get(y);
                if (f != null && f[1] > 0) {
                    e += f[0];
                    va += f[1];
                }
            }
            years.add(y);
            intensity.add(va > 0 ? round2(e / va) : null);
        }
        return new Trend(labels, tco2e, perTce, years, intensity);
    }

    private static double round(double v) {
        return Math.round(v);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
