package io.tanxin.accounting.engine;

import io.tanxin.shared.DomainException;
import io.tanxin.shared.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link FactorSet} from the reference CSV files, keeping every row's source and status. */
public final class FactorSetCsv {

    public static final String FUELS = "fuels.csv";
    public static final String ELECTRICITY_HEAT = "electricity_heat_factors.csv";
    public static final String PROCESS = "process_factors.csv";
    public static final String ENERGY_CONVERSION = "energy_conversion.csv";
    public static final List<String> FILES = List.of(FUELS, ELECTRICITY_HEAT, PROCESS, ENERGY_CONVERSION);

    /** Where the CSVs shipped with the application live on the classpath. */
    public static final String BUNDLED_LOCATION = "/reference/";

    private FactorSetCsv() {
    }

    /** @param files CSV text by file name; all of {@link #FILES} are required */
    public static FactorSet parse(String code, int version, Map<String, String> files) {
        return new FactorSet(code, version,
                fuels(csv(files, FUELS)),
                electricity(csv(files, ELECTRICITY_HEAT)),
                process(csv(files, PROCESS)),
                energy(csv(files, ENERGY_CONVERSION)));
    }

    /** The factor set built from the CSVs shipped in this jar under {@link #BUNDLED_LOCATION}. */
    public static FactorSet bundled(String code, int version) {
        Map<String, String> files = new HashMap<>();
        for (String name : FILES) {
            try (InputStream in = FactorSetCsv.class.getResourceAsStream(BUNDLED_LOCATION + name)) {
                if (in == null) {
                    throw ReferenceCsv.invalid(name, 0, "类路径中缺少该文件", "file is not on the classpath");
                }
                files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parse(code, version, files);
    }

    private static ReferenceCsv csv(Map<String, String> files, String name) {
        String text = files.get(name);
        if (text == null) {
            throw ReferenceCsv.invalid(name, 0, "缺少该文件", "file is missing");
        }
        return ReferenceCsv.parse(name, text);
    }

    private static List<FuelFactor> fuels(ReferenceCsv csv) {
        List<FuelFactor> fuels = new ArrayList<>();
        for (ReferenceCsv.Row row : csv.rows()) {
            Unit activityUnit;
            try {
                activityUnit = Unit.parse(row.required("activity_unit"));
            } catch (DomainException e) {
                throw row.invalid(e.messageZh(), e.messageEn());
            }
            String ncvUnit = row.required("ncv_unit");
            // the NCV must be per the activity unit, or every emission of that fuel is off by 10^4
            if (!ncvUnit.startsWith("GJ/") || Unit.parseOrNull(ncvUnit.substring(3)) != activityUnit) {
                throw row.invalid("热值单位" + ncvUnit + "与活动单位" + activityUnit + "不符",
                        "NCV unit " + ncvUnit + " does not match activity unit " + activityUnit);
            }
            fuels.add(new FuelFactor(row.required("code"), row.get("name_zh"), row.get("name_en"), activityUnit,
                    row.decimal("ncv"), row.decimal("carbon_content_tc_per_gj"), row.decimal("oxidation_rate"),
                    row.get("source"), row.get("status")));
        }
        return fuels;
    }

    private static List<ElectricityFactor> electricity(ReferenceCsv csv) {
        List<ElectricityFactor> factors = new ArrayList<>();
        for (ReferenceCsv.Row row : csv.rows()) {
            factors.add(new ElectricityFactor(row.required("code"), row.get("name_zh"), row.required("region"),
                    row.optionalInt("data_year"), row.decimal("value"), row.required("unit"), row.required("basis"),
                    row.get("source"), row.get("status")));
        }
        return factors;
    }

    private static List<ProcessFactor> process(ReferenceCsv csv) {
        List<ProcessFactor> factors = new ArrayList<>();
        for (ReferenceCsv.Row row : csv.rows()) {
            factors.add(new ProcessFactor(row.required("code"), row.get("name_zh"), row.get("industry"),
                    row.decimal("value"), row.get("unit"), row.get("source"), row.get("status")));
        }
        return factors;
    }

    private static List<EnergyConversion> energy(ReferenceCsv csv) {
        List<EnergyConversion> factors = new ArrayList<>();
        for (ReferenceCsv.Row row : csv.rows()) {
            factors.add(new EnergyConversion(row.required("code"), row.get("name_zh"), row.decimal("value"),
                    row.required("unit"), row.get("source"), row.get("status")));
        }
        return factors;
    }
}
