package io.tanxin.intake.importing.datasets;

import static io.tanxin.intake.importing.Column.optional;
import static io.tanxin.intake.importing.Column.required;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.tanxin.intake.Dataset;
import io.tanxin.intake.importing.Column;
import io.tanxin.intake.importing.ColumnType;
import io.tanxin.intake.importing.DatasetImport;
import io.tanxin.intake.importing.FieldError;
import io.tanxin.intake.importing.RowContext;

/** Administrative penalties (negative information; shown for five years after the event ends). */
public final class PenaltyImport implements DatasetImport {

    @Override
    public Dataset dataset() {
        return Dataset.PENALTY;
    }

    @Override
    public List<Column> columns() {
        return List.of(required("uscc", "统一社会信用代码", "USCC", ColumnType.USCC),
                required("decided_on", "决定日期", "Decided On", ColumnType.DATE),
                required("authority", "处罚机关", "Authority", ColumnType.TEXT),
                required("document_no", "处罚决定书文号", "Document No", ColumnType.TEXT),
                required("amount_cny", "罚款金额(元)", "Amount CNY", ColumnType.DECIMAL),
                required("description", "违法事由", "Description", ColumnType.TEXT),
                optional("ended_on", "履行完毕日期", "Ended On", ColumnType.DATE));
    }

    @Override
    public String table() {
        return "penalty";
    }

    @Override
    public List<String> tableColumns() {
        return List.of("uscc", "decided_on", "authority", "document_no", "amount_cny", "description", "ended_on");
    }

    @Override
    public Object[] toRow(Map<String, Object> v, RowContext context) {
        context.requireEnterprise((String) v.get("uscc"));
        LocalDate decided = (LocalDate) v.get("decided_on");
        LocalDate ended = (LocalDate) v.get("ended_on");
        if (decided.isAfter(context.currentMonth().atEndOfMonth())) {
            throw new FieldError("decided_on", "FUTURE_DATE", "决定日期不能在未来", "The decision date cannot be in the future");
        }
        if (ended != null && ended.isBefore(decided)) {
            throw new FieldError("ended_on", "ENDED_BEFORE_DECIDED", "履行完毕日期早于决定日期",
                    "The end date is before the decision date");
        }
        for (String text : new String[] {"authority", "document_no", "description"}) {
            if (((String) v.get(text)).length() > (text.equals("description") ? 500 : 128)) {
                throw new FieldError(text, "TOO_LONG", "内容过长", "Too long");
            }
        }
        return new Object[] {v.get("uscc"), decided, v.get("authority"), v.get("document_no"), v.get("amount_cny"),
                v.get("description"), ended};
    }

    @Override
    public List<String> duplicateKeyColumns() {
        return List.of("document_no");
    }

    @Override
    public List<String> exampleRow() {
        return List.of("91140300MA0TX20251", "2024-06-18", "阳泉市生态环境局", "阳环罚〔2024〕15号", "200000",
                "超标排放大气污染物", "2024-07-30");
    }
}
