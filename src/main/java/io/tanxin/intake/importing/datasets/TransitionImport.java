package io.tanxin.intake.importing.datasets;

import static io.tanxin.intake.importing.Column.required;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.tanxin.intake.Dataset;
import io.tanxin.intake.importing.Column;
import io.tanxin.intake.importing.ColumnType;
import io.tanxin.intake.importing.DatasetImport;
import io.tanxin.intake.importing.FieldError;
import io.tanxin.intake.importing.RowContext;

/** Forward-looking transition data the rating uses: reduction investment and plan progress per year. */
public final class TransitionImport implements DatasetImport {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public Dataset dataset() {
        return Dataset.TRANSITION;
    }

    @Override
    public List<Column> columns() {
        return List.of(required("uscc", "统一社会信用代码", "USCC", ColumnType.USCC),
                required("year", "年度", "Year", ColumnType.YEAR),
                required("reduction_investment_10k_cny", "减排投资(万元)", "Reduction Investment 10k CNY", ColumnType.DECIMAL),
                required("total_investment_10k_cny", "固定资产投资总额(万元)", "Total Investment 10k CNY", ColumnType.DECIMAL),
                required("milestones_planned", "转型规划里程碑数", "Milestones Planned", ColumnType.INTEGER),
                required("milestones_done", "已完成里程碑数", "Milestones Done", ColumnType.INTEGER),
                required("progress_pct", "转型规划进度(%)", "Progress Pct", ColumnType.DECIMAL));
    }

    @Override
    public String table() {
        return "transition_data";
    }

    @Override
    public List<String> tableColumns() {
        return List.of("uscc", "report_year", "reduction_investment_10k_cny", "total_investment_10k_cny",
                "milestones_planned", "milestones_done", "progress_pct");
    }

    @Override
    public Object[] toRow(Map<String, Object> v, RowContext context) {
        context.requireEnterprise((String) v.get("uscc"));
        BigDecimal reduction = (BigDecimal) v.get("reduction_investment_10k_cny");
        BigDecimal total = (BigDecimal) v.get("total_investment_10k_cny");
        if (reduction.compareTo(total) > 0) {
            throw new FieldError("reduction_investment_10k_cny", "REDUCTION_EXCEEDS_TOTAL", "减排投资不能超过投资总额",
                    "Reduction investment cannot exceed total investment");
        }
        int planned = (Integer) v.get("milestones_planned");
        int done = (Integer) v.get("milestones_done");
        if (done > planned) {
            throw new FieldError("milestones_done", "DONE_EXCEEDS_PLANNED", "已完成里程碑数不能超过计划数",
                    "Milestones done cannot exceed those planned");
        }
        if (((BigDecimal) v.get("progress_pct")).compareTo(HUNDRED) > 0) {
            throw new FieldError("progress_pct", "PERCENT_OVER_100", "进度不能超过 100%", "Progress cannot exceed 100%");
        }
        return new Object[] {v.get("uscc"), v.get("year"), reduction, total, planned, done, v.get("progress_pct")};
    }

    @Override
    public List<String> duplicateKeyColumns() {
        return List.of("uscc", "year");
    }

    @Override
    public List<String> exampleRow() {
        return List.of("91140300MA0TX20251", "2024", "1200", "8000", "10", "4", "40");
    }
}
