package io.tanxin.intake.importing;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A row's parsed values by column key, reused from row to row: a million-row import would
 * otherwise build and hash a million small HashMaps. Lookups compare the few keys in order.
 */
final class RowValues extends AbstractMap<String, Object> {

    private final String[] keys;
    private final Object[] values;

    RowValues(List<Column> columns) {
        keys = columns.stream().map(Column::key).toArray(String[]::new);
        values = new Object[keys.length];
    }

    void set(int column, Object value) {
        values[column] = value;
    }

    void reset() {
        java.util.Arrays.fill(values, null);
    }

    @Override
    public Object get(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                copy.put(keys[i], values[i]);
            }
        }
        return copy.entrySet();
    }
}
