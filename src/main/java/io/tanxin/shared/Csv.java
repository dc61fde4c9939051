package io.tanxin.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads small RFC 4180 CSV files such as the reference data (quoted fields, doubled quotes, commas
 * and line breaks inside quotes) held in memory; the one tokenizer every module uses for them.
 */
public final class Csv {

    private Csv() {
    }

    /** Rows as maps from header name to cell, in file order; blank lines are skipped. */
    public static List<Map<String, String>> read(String text) {
        List<List<String>> rows = records(text).stream().filter(r -> !blank(r)).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> out = new ArrayList<>(rows.size() - 1);
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                map.put(header.get(i), i < row.size() ? row.get(i) : "");
            }
            out.add(map);
        }
        return out;
    }

    /**
     * Splits RFC 4180 text into records of fields; a quote opens a quoted field only at its start.
     * Blank lines come back as a record with one empty field, so record n is line n.
     */
    public static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                current.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                current.add(field.toString());
                records.add(current);
                current = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new DomainException("CSV_UNTERMINATED_QUOTE", "第" + (records.size() + 1) + "行引号未闭合",
                    "Unterminated quoted field at line " + (records.size() + 1));
        }
        if (fieldStarted || field.length() > 0 || !current.isEmpty()) {
            current.add(field.toString());
            records.add(current);
        }
        return records;
    }

    static boolean blank(List<String> record) {
        return record.size() == 1 && record.get(0).isBlank();
    }
}
