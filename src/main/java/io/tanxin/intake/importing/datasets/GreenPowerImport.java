package io.tanxin.intake.importing.datasets;

import static io.tanxin.intake.importing.Column.optional;
import static io.tanxin.intake.importing.Column.required;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tanxin.intake.Dataset;
import io.tanxin.intake.importing.Column;
import io.tanxin.intake.importing.ColumnType;
import io.tanxin.intake.importing.DatasetImport;
import io.tanxin.intake.importing.FieldError;
import io.tanxin.intake.importing.RowContext;

/** Green-power trades and green certificates (绿电交易 / 绿证), in MWh per month. */
public final class GreenPowerImport implements DatasetImport {

    static final Set<String> INSTRUMENTS = Set.of("TRADE", "CERTIFICATE");

    @Override
    public Dataset dataset() {
        return Dataset.GREEN_POWER;
    }

    @Override
    public List<Column> columns() {
        return List.of(required("uscc", "统一社会信用代码", "USCC", ColumnType.USCC),
                required("month", "月份", "Month", ColumnType.MONTH),
                required("instrument", "类型(TRADE绿电交易/CERTIFICATE绿证)", "Instrument", ColumnType.CODE),
                optional("certificate_no", "证书或合同编号", "Certificate No", ColumnType.TEXT),
                required("quantity_mwh", "电量(MWh)", "Quantity MWh", ColumnType.DECIMAL));
    }

    @Override
    public String table() {
        return "green_power";
    }

    @Override
    public List<String> tableColumns() {
        return List.of("uscc", "period", "instrument", "certificate_no", "quantity_mwh");
    }

    @Override
    public Object[] toRow(Map<String, Object> v, RowContext context) {
        context.requireEnterprise((String) v.get("uscc"));
        context.requireNotFuture((YearMonth) v.get("month"), "month");
        if (!INSTRUMENTS.contains((String) v.get("instrument"))) {
            throw new FieldError("instrument", "INVALID_INSTRUMENT", "类型应为 TRADE 或 CERTIFICATE",
                    "Instrument must be TRADE or CERTIFICATE");
        }
        return new Object[] {v.get("uscc"), v.get("month").toString(), v.get("instrument"), v.get("certificate_no"),
                v.get("quantity_mwh")};
    }

    @Override
    public List<String> duplicateKeyColumns() {
        return List.of("uscc", "month", "instrument", "certificate_no");
    }

    @Override
    public List<String> exampleRow() {
        return List.of("91140300MA0TX20251", "2025-03", "CERTIFICATE", "GEC-2025-000123", "500");
    }
}
