package io.tanxin.intake.importing.datasets;

import static io.tanxin.intake.importing.Column.optional;
import static io.tanxin.intake.importing.Column.required;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.tanxin.intake.Dataset;
import io.tanxin.intake.importing.Column;
import io.tanxin.intake.importing.ColumnType;
import io.tanxin.intake.importing.DatasetImport;
import io.tanxin.intake.importing.FieldError;
import io.tanxin.intake.importing.RowContext;

/** Monthly activity data: energy, process materials, output and value-added, one line per row. */
public final class ActivityImport implements DatasetImport {

    static final List<Column> COLUMNS = List.of(
            required("uscc", "统一社会信用代码", "USCC", ColumnType.USCC),
            required("month", "月份", "Month", ColumnType.MONTH),
            required("kind", "数据类型", "Kind", ColumnType.CODE),
            optional("code", "品种代码", "Code", ColumnType.CODE),
            required("quantity", "数量", "Quantity", ColumnType.DECIMAL),
            required("unit", "单位", "Unit", ColumnType.TEXT),
            optional("parameters", "实测参数", "Parameters", ColumnType.TEXT));

    @Override
    public Dataset dataset() {
        return Dataset.ACTIVITY;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public String table() {
        return "intake_activity";
    }

    @Override
    public List<String> tableColumns() {
        return List.of("source_type", "uscc", "period", "kind", "code", "quantity", "unit", "parameters");
    }

    @Override
    public Object[] toRow(Map<String, Object> v, RowContext context) {
        String uscc = (String) v.get("uscc");
        context.requireEnterprise(uscc);
        YearMonth month = (YearMonth) v.get("month");
        context.requireNotFuture(month, "month");
        String kind = (String) v.get("kind");
        String code = (String) v.get("code");
        String unit = (String) v.get("unit");
        FieldError error = context.activityCheck().check(kind, code, unit);
        if (error != null) {
            throw error;
        }
        String parameters = (String) v.get("parameters");
        String normalised = null;
        if (parameters != null && !parameters.isBlank()) {
            Map<String, BigDecimal> measured = parseParameters(parameters);
            Set<String> allowed = context.activityCheck().parameterNames(kind);
            for (String name : measured.keySet()) {
                if (allowed != null && !allowed.contains(name)) {
                    // the engine refuses it when the month is calculated, after the import was accepted
                    throw new FieldError("parameters", "UNKNOWN_PARAMETER", "该数据类型没有参数“" + name + "”，可用：" + allowed,
                            "Kind " + kind + " takes no parameter \"" + name + "\"; allowed: " + allowed);
                }
            }
            normalised = io.tanxin.shared.ParameterText.format(measured);
        }
        return new Object[] {context.source().name(), uscc, period(month), kind, code, v.get("quantity"), unit,
                normalised};
    }

    // a file holds few distinct months and a million rows: format each month once
    private static final Map<YearMonth, String> PERIODS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String period(YearMonth month) {
        String period = PERIODS.get(month);
        if (period == null) {
            period = month.toString();
            if (PERIODS.size() < 10_000) {
                PERIODS.put(month, period);
            }
        }
        return period;
    }

    /** "cao=0.65; mgo=0.02" → {cao=0.65, mgo=0.02}, keys sorted, or an error naming the pair. */
    private static Map<String, BigDecimal> parseParameters(String text) {
        Map<String, BigDecimal> map = new TreeMap<>();
        for (String pair : text.split("[;；]")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || !kv[0].trim().matches("[A-Za-z][A-Za-z0-9]{0,31}")) {
                throw new FieldError("parameters", "INVALID_PARAMETERS", "实测参数格式应为 名称=数值;名称=数值",
                        "Parameters must look like name=value;name=value");
            }
            BigDecimal value;
            try {
                String number = kv[1].trim();
                if (number.length() > io.tanxin.shared.PlausibleNumbers.MAX_TEXT_LENGTH) {
                    throw new NumberFormatException("too long");
                }
                value = new BigDecimal(number);
            } catch (NumberFormatException e) {
                throw new FieldError("parameters", "INVALID_PARAMETERS", "实测参数 " + kv[0].trim() + " 的值不是数字",
                        "Parameter " + kv[0].trim() + " is not a number");
            }
            String name = kv[0].trim();
            io.tanxin.shared.PlausibleNumbers.problem(value, io.tanxin.shared.PlausibleNumbers.PARAMETER_LIMIT).ifPresent(p -> {
                throw new FieldError("parameters", p.code(), "实测参数 " + name + "：" + p.messageZh(),
                        "Parameter " + name + ": " + p.messageEn());
            });
            map.put(name, value);
        }
        return map;
    }

    @Override
    public List<String> duplicateKeyColumns() {
        return List.of("uscc", "month", "kind", "code");
    }

    @Override
    public List<String> exampleRow() {
        return List.of("91140300MA0TX20251", "2025-03", "FUEL", "BITUMINOUS", "1250.5", "t", "");
    }
}
