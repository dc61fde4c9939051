package io.tanxin.intake.importing;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.tanxin.intake.SubmissionResult.RowError;

/**
 * Reads a whole table, checks every cell and row, and streams good rows into the sink. The first
 * error stops writing but not checking, so that a rejection lists every error in one go; the caller
 * rolls back whatever reached the sink.
 */
public final class ImportSession {

    private final DatasetImport dataset;
    private final RowContext context;
    private final ImportLimits limits;
    private final List<RowError> errors = new ArrayList<>();
    private int errorCount;
    private int rows;

    public ImportSession(DatasetImport dataset, RowContext context, ImportLimits limits) {
        this.dataset = dataset;
        this.context = context;
        this.limits = limits;
    }

    public List<RowError> errors() {
        return errors;
    }

    public int errorCount() {
        return errorCount;
    }

    public int rows() {
        return rows;
    }

    public boolean ok() {
        return errorCount == 0;
    }

    /**
     * @param sink   receives each good row (table values after submission_id) while no error was seen
     * @param onRow  sees each accepted row's values, e.g. to note affected enterprise-months
     */
    public void run(TableReader reader, RowSinkWriter sink, Consumer<Map<String, Object>> onRow) throws SQLException {
        int[] columnAt = mapHeader(reader.header());
        DuplicateRows seen = new DuplicateRows(dataset.duplicateKeyColumns());
        List<Column> columns = dataset.columns();
        // codes, months and USCCs repeat across a file: parse each distinct text once
        List<Map<String, Object>> parsed = new ArrayList<>();
        for (Column column : columns) {
            parsed.add(column.type() == ColumnType.DECIMAL ? null : new HashMap<>());
        }
        RowValues values = new RowValues(columns);
        List<Cell> cells;
        while ((cells = reader.next()) != null) {
            rows++;
            if (rows > limits.maxRows()) {
                throw new ImportRejected("TOO_MANY_ROWS", "行数超过上限 " + limits.maxRows(),
                        "More rows than the limit of " + limits.maxRows());
            }
            int row = rows;
            values.reset();
            boolean rowOk = true;
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                Cell cell = columnAt[i] < 0 || columnAt[i] >= cells.size() ? Cell.EMPTY : cells.get(columnAt[i]);
                if (cell.formula() || looksLikeFormula(cell.text())) {
                    error(row, column.key(), cell.text(), "FORMULA_NOT_ALLOWED", "单元格不能包含公式",
                            "Cells must not hold formulas");
                    rowOk = false;
                    continue;
                }
                if (cell.blank()) {
                    if (column.required()) {
                        error(row, column.key(), "", "REQUIRED", "必填项为空", "Required value is missing");
                        rowOk = false;
                    }
                    continue;
                }
                try {
                    Map<String, Object> cache = parsed.get(i);
                    Object value = cache == null ? null : cache.get(cell.text());
                    if (value == null) {
                        value = column.type().parse(cell.text());
                        if (cache != null && cache.size() < 100_000) {
                            cache.put(cell.text(), value);
                        }
                    }
                    values.set(i, value);
                } catch (FieldError e) {
                    error(row, column.key(), cell.text(), e.code(), e.messageZh(), e.messageEn());
                    rowOk = false;
                }
            }
            if (!rowOk) {
                continue;
            }
            Object[] tableRow;
            try {
                tableRow = dataset.toRow(values, context);
            } catch (FieldError e) {
                Object bad = values.get(e.column());
                error(row, e.column(), bad == null ? "" : bad.toString(), e.code(), e.messageZh(), e.messageEn());
                continue;
            }
            if (!seen.add(values)) {
                error(row, columns.get(0).key(), String.valueOf(values.get(columns.get(0).key())), "DUPLICATE_ROW",
                        "与前面的行重复", "Duplicates an earlier row");
                continue;
            }
            if (errorCount == 0) {
                sink.write(tableRow);
                onRow.accept(values);
            }
        }
        if (rows == 0) {
            throw new ImportRejected("NO_ROWS", "文件只有表头，没有数据行", "The file has a header but no data rows");
        }
    }

    /** A spreadsheet would run these as formulas when the file is opened again (CSV injection). */
    static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        if (c == '=' || c == '@' || c == '+' && text.length() > 1 && !Character.isDigit(text.charAt(1))) {
            return true;
        }
        return c == '-' && text.length() > 1 && !Character.isDigit(text.charAt(1)) && text.charAt(1) != '.';
    }

    private int[] mapHeader(List<Cell> header) {
        List<Column> columns = dataset.columns();
        int[] at = new int[columns.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            at[i] = -1;
            for (int h = 0; h < header.size(); h++) {
                if (columns.get(i).matches(header.get(h).text())) {
                    at[i] = h;
                    break;
                }
            }
            if (at[i] < 0 && columns.get(i).required()) {
                missing.add(columns.get(i).headerZh() + "/" + columns.get(i).headerEn());
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportRejected("MISSING_COLUMNS", "缺少必需的列：" + String.join("、", missing)
                    + "（请使用下载的模板；若为乱码请检查文件编码）",
                    "Missing required columns: " + String.join(", ", missing)
                            + " (use the downloadable template; garbled headers mean a wrong encoding)");
        }
        return at;
    }

    private void error(int row, String column, String value, String code, String zh, String en) {
        errorCount++;
        if (errors.size() < limits.maxListedErrors()) {
            String shown = value == null ? "" : value.length() > 200 ? value.substring(0, 200) + "…" : value;
            errors.add(new RowError(row, column, shown, code, zh, en));
        }
    }

    /** The part of a sink the session needs; lets tests and dry runs pass a no-op. */
    @FunctionalInterface
    public interface RowSinkWriter {
        void write(Object[] row) throws SQLException;
    }
}
