package io.tanxin.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * ECharts options built on the server, so a chart shows exactly the figures of the table beside it.
 * The options travel as a JSON attribute that Thymeleaf escapes; {@code /js/console.js} draws them.
 */
@Component
class Charts {

    static final Map<String, String> LABEL_COLOURS = Map.of("DARK_GREEN", "#1b7a3e", "LIGHT_GREEN", "#8cc63f",
            "YELLOW", "#f2c230", "RED", "#d9443c");

    private final JsonMapper json;

    Charts(JsonMapper json) {
        this.json = json;
    }

    String toJson(Map<String, Object> options) {
        return json.writeValueAsString(options);
    }

    /** One stacked bar per group (city, industry), one colour per label. */
    String labelsByGroup(List<PilotSnapshot.Group> groups, boolean en) {
        List<String> names = groups.stream().map(PilotSnapshot.Group::name).toList();
        List<Object> series = new ArrayList<>();
        for (String label : PilotSnapshot.LABELS) {
            series.add(Map.of("name", labelName(label, en), "type", "bar", "stack", "labels",
                    "itemStyle", Map.of("color", LABEL_COLOURS.get(label)),
                    "data", groups.stream().map(g -> g.labels().getOrDefault(label, 0)).toList()));
        }
        Map<String, Object> o = base(en ? "Carbon credit labels" : "碳信用标签分布");
        o.put("legend", Map.of("top", 24, "type", "scroll"));
        o.put("grid", Map.of("left", 48, "right", 16, "top", 64, "bottom", 16, "containLabel", true));
        o.put("xAxis", Map.of("type", "category", "data", names, "axisLabel", Map.of("rotate", 40, "interval", 0)));
        o.put("yAxis", Map.of("type", "value", "name", en ? "enterprises" : "企业数"));
        o.put("series", series);
        return toJson(o);
    }

    /** Monthly emissions as bars, tCO2 per tce as a line on the right axis. */
    String trend(PilotSnapshot.Trend trend, boolean en) {
        Map<String, Object> o = base(en ? "Emissions and carbon intensity of energy by month" : "月度排放量与能源碳强度");
        o.put("legend", Map.of("top", 24, "type", "scroll"));
        o.put("grid", Map.of("left", 64, "right", 56, "top", 64, "bottom", 40));
        o.put("xAxis", Map.of("type", "category", "data", trend.months()));
        o.put("yAxis", List.of(Map.of("type", "value", "name", "tCO2e"), Map.of("type", "value", "name", "tCO2/tce")));
        o.put("series", List.of(
                Map.of("name", en ? "emissions (tCO2e, location-based)" : "排放量（tCO2e，基于位置）", "type", "bar",
                        "data", trend.tco2e(), "itemStyle", Map.of("color", "#2f7d59")),
                Map.of("name", en ? "tCO2 per tce" : "每吨标煤排放（tCO2/tce）", "type", "line", "yAxisIndex", 1,
                        "data", trend.tco2PerTce(), "itemStyle", Map.of("color", "#c9641b"))));
        return toJson(o);
    }

    /** Value-added intensity per year, Σ emissions / Σ value added of the selection. */
    String intensityByYear(PilotSnapshot.Trend trend, boolean en) {
        Map<String, Object> o = base(en ? "Carbon intensity of value added" : "单位增加值碳排放强度");
        o.put("grid", Map.of("left", 64, "right", 16, "top", 48, "bottom", 32));
        o.put("xAxis", Map.of("type", "category", "data", trend.years().stream().map(String::valueOf).toList()));
        o.put("yAxis", Map.of("type", "value", "name", en ? "tCO2e / 10⁴ CNY" : "tCO2e/万元"));
        o.put("series", List.of(Map.of("type", "line", "data", trend.intensityPerValueAdded(), "label",
                Map.of("show", true), "itemStyle", Map.of("color", "#0f5132"))));
        return toJson(o);
    }

    /** An enterprise's months stacked by source, scope 2 on top of scope 1's sources. */
    String monthsBySource(List<String> months, Map<String, List<Double>> bySource, boolean en) {
        return monthly(en ? "Monthly emissions by source" : "月度排放（按排放源）", months, bySource, "bar", "source");
    }

    /** An enterprise's months by scope: scope 1, scope 2 location- and market-based. */
    String monthsByScope(List<String> months, Map<String, List<Double>> byScope, boolean en) {
        return monthly(en ? "Monthly emissions by scope" : "月度排放（按范围）", months, byScope, "line", null);
    }

    private String monthly(String title, List<String> months, Map<String, List<Double>> seriesByName, String type,
            String stack) {
        Map<String, Object> o = base(title);
        o.put("legend", Map.of("top", 24, "type", "scroll"));
        o.put("grid", Map.of("left", 64, "right", 16, "top", 72, "bottom", 40));
        o.put("xAxis", Map.of("type", "category", "data", months));
        o.put("yAxis", Map.of("type", "value", "name", "tCO2e"));
        List<Object> series = new ArrayList<>();
        seriesByName.forEach((name, data) -> {
            Map<String, Object> one = new LinkedHashMap<>(Map.of("name", name, "type", type, "data", data));
            if (stack != null) {
                one.put("stack", stack);
            }
            series.add(one);
        });
        o.put("series", series);
        return toJson(o);
    }

    /** The enterprise's intensity against its industry's average, as two bars. */
    String intensityAgainstIndustry(Double own, Double industry, String unit, boolean en) {
        Map<String, Object> o = base(en ? "Intensity against the industry" : "碳强度与行业平均对比");
        o.put("grid", Map.of("left", 64, "right", 16, "top", 48, "bottom", 32));
        o.put("xAxis", Map.of("type", "category", "data", List.of(en ? "this enterprise" : "本企业",
                en ? "industry average" : "行业平均")));
        o.put("yAxis", Map.of("type", "value", "name", unit));
        List<Object> data = new ArrayList<>();
        data.add(Map.of("value", own == null ? "-" : own, "itemStyle", Map.of("color", "#2f7d59")));
        data.add(Map.of("value", industry == null ? "-" : industry, "itemStyle", Map.of("color", "#9aa5a0")));
        o.put("series", List.of(Map.of("type", "bar", "data", data, "label", Map.of("show", true))));
        return toJson(o);
    }

    static String labelName(String label, boolean en) {
        return switch (label) {
            case "DARK_GREEN" -> en ? "dark green" : "深绿";
            case "LIGHT_GREEN" -> en ? "light green" : "浅绿";
            case "YELLOW" -> en ? "yellow" : "黄";
            case "RED" -> en ? "red" : "红";
            default -> label;
        };
    }

    private static Map<String, Object> base(String title) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)));
        o.put("tooltip", Map.of("trigger", "axis"));
        o.put("animation", false);
        return o;
    }
}
