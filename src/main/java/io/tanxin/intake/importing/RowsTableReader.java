package io.tanxin.intake.importing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rows pushed as JSON objects (column key → value), read like a file so that JSON, MQTT and file
 * submissions pass exactly the same checks.
 */
public final class RowsTableReader implements TableReader {

    private final List<Column> columns;
    private final Iterator<Map<String, Object>> rows;
    private long position;

    public RowsTableReader(List<Column> columns, List<Map<String, Object>> rows) {
        this.columns = columns;
        this.rows = rows.iterator();
    }

    @Override
    public List<Cell> header() {
        return columns.stream().map(c -> new Cell(c.key(), false)).toList();
    }

    @Override
    public List<Cell> next() {
        if (!rows.hasNext()) {
            return null;
        }
        position++;
        Map<String, Object> row = rows.next();
        List<Cell> cells = new ArrayList<>(columns.size());
        for (Column c : columns) {
            Object v = row == null ? null : row.get(c.key());
            cells.add(v == null ? Cell.EMPTY : new Cell(v instanceof java.math.BigDecimal d ? d.toPlainString()
                    : v.toString(), false));
        }
        return cells;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void close() {
    }
}
