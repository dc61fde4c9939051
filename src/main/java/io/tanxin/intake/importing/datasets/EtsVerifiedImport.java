package io.tanxin.intake.importing.datasets;

import static io.tanxin.intake.importing.Column.required;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tanxin.intake.Dataset;
import io.tanxin.intake.importing.Column;
import io.tanxin.intake.importing.ColumnType;
import io.tanxin.intake.importing.DatasetImport;
import io.tanxin.intake.importing.FieldError;
import io.tanxin.intake.importing.RowContext;

/** Verified annual emissions of enterprises in the national ETS, with their compliance status. */
public final class EtsVerifiedImport implements DatasetImport {

    static final Set<String> COMPLIANCE = Set.of("COMPLIANT", "NON_COMPLIANT", "PENDING");

    @Override
    public Dataset dataset() {
        return Dataset.ETS_VERIFIED;
    }

    @Override
    public List<Column> columns() {
        return List.of(required("uscc", "统一社会信用代码", "USCC", ColumnType.USCC),
                required("year", "年度", "Year", ColumnType.YEAR),
                required("verified_tco2", "核查排放量(tCO2)", "Verified tCO2", ColumnType.DECIMAL),
                required("verifier", "核查机构", "Verifier", ColumnType.TEXT),
                required("compliance", "履约状态(COMPLIANT/NON_COMPLIANT/PENDING)", "Compliance", ColumnType.CODE));
    }

    @Override
    public String table() {
        return "ets_verified";
    }

    @Override
    public List<String> tableColumns() {
        return List.of("uscc", "report_year", "verified_tco2", "verifier", "compliance");
    }

    @Override
    public Object[] toRow(Map<String, Object> v, RowContext context) {
        context.requireEnterprise((String) v.get("uscc"));
        if ((Integer) v.get("year") > context.currentMonth().getYear()) {
            throw new FieldError("year", "FUTURE_PERIOD", "不能提交未来年度的数据", "Data for a future year cannot be submitted");
        }
        if (!COMPLIANCE.contains((String) v.get("compliance"))) {
            throw new FieldError("compliance", "INVALID_COMPLIANCE", "履约状态应为 COMPLIANT、NON_COMPLIANT 或 PENDING",
                    "Compliance must be COMPLIANT, NON_COMPLIANT or PENDING");
        }
        return new Object[] {v.get("uscc"), v.get("year"), v.get("verified_tco2"), v.get("verifier"), v.get("compliance")};
    }

    @Override
    public List<String> duplicateKeyColumns() {
        return List.of("uscc", "year");
    }

    @Override
    public List<String> exampleRow() {
        return List.of("91140300MA0TX20251", "2024", "215000.5", "山西绿色低碳核查技术有限公司", "COMPLIANT");
    }
}
