package io.tanxin.accounting.engine;

import io.tanxin.shared.Csv;
import io.tanxin.shared.DomainException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference CSV read by header name (RFC 4180: quoted fields, doubled quotes, line breaks
 * inside quotes), so that a column added or moved in a newer file version breaks nothing.
 */
public final class ReferenceCsv {

    private final String fileName;
    private final Map<String, Integer> columns;
    private final List<Row> rows;

    private ReferenceCsv(String fileName, Map<String, Integer> columns, List<Row> rows) {
        this.fileName = fileName;
        this.columns = columns;
        this.rows = rows;
    }

    public static ReferenceCsv parse(String fileName, String text) {
        List<List<String>> records = records(fileName, text);
        if (records.isEmpty()) {
            throw invalid(fileName, 1, "文件为空", "file is empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim(), i);
        }
        ReferenceCsv csv = new ReferenceCsv(fileName, columns, new ArrayList<>());
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (fields.size() != header.size()) {
                throw invalid(fileName, i + 1, "字段数为" + fields.size() + "，表头为" + header.size(),
                        fields.size() + " fields where the header has " + header.size());
            }
            csv.rows.add(csv.new Row(i + 1, fields));
        }
        return csv;
    }

    public String fileName() {
        return fileName;
    }

    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /** One data row; {@link #line()} is the 1-based record number, header being 1. */
    public final class Row {
        private final int line;
        private final List<String> fields;

        private Row(int line, List<String> fields) {
            this.line = line;
            this.fields = fields;
        }

        public int line() {
            return line;
        }

        /** The trimmed field; a missing column is an error because the file is not what we think it is. */
        public String get(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw ReferenceCsv.invalid(fileName, 1, "缺少列“" + column + "”", "missing column \"" + column + "\"");
            }
            return fields.get(index).trim();
        }

        public String required(String column) {
            String value = get(column);
            if (value.isEmpty()) {
                throw ReferenceCsv.invalid(fileName, line, "列“" + column + "”为空", "column \"" + column + "\" is empty");
            }
            return value;
        }

        public java.math.BigDecimal decimal(String column) {
            String value = required(column);
            try {
                return new java.math.BigDecimal(value);
            } catch (NumberFormatException e) {
                throw ReferenceCsv.invalid(fileName, line, "列“" + column + "”不是数值：" + value,
                        "column \"" + column + "\" is not a number: " + value);
            }
        }

        public Integer optionalInt(String column) {
            String value = get(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw ReferenceCsv.invalid(fileName, line, "列“" + column + "”不是整数：" + value,
                        "column \"" + column + "\" is not an integer: " + value);
            }
        }

        CalculationException invalid(String zh, String en) {
            return ReferenceCsv.invalid(fileName, line, zh, en);
        }
    }

    static CalculationException invalid(String fileName, int line, String zh, String en) {
        return new CalculationException(CalculationErrorCode.REFERENCE_DATA_INVALID,
                "参考数据" + fileName + "第" + line + "行：" + zh, "Reference data " + fileName + " line " + line + ": " + en);
    }

    private static List<List<String>> records(String fileName, String text) {
        try {
            return Csv.records(text);
        } catch (DomainException e) {
            throw invalid(fileName, 0, e.messageZh(), e.messageEn());
        }
    }
}
