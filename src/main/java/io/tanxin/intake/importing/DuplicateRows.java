package io.tanxin.intake.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the key of every row of a file to find duplicates. A million-row file would otherwise
 * keep a million key strings and hash-set nodes alive (most of the import's CPU and long GC pauses
 * in the benchmark); here each distinct column value gets a small number, the numbers of a key's
 * leading columns are folded into one number, and only a primitive long per row is kept.
 */
final class DuplicateRows {

    private final String[] columns;
    private final List<Map<Object, Integer>> valueIds = new ArrayList<>();
    // rows come grouped by enterprise and month: the previous row's value usually is this row's
    private final Object[] lastValue;
    private final int[] lastId;
    private final long[] lastPair;
    private final long[] lastPrefix;
    private final LongTable prefixes = new LongTable(true);
    private final LongTable keys = new LongTable(false);

    DuplicateRows(List<String> keyColumns) {
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("a duplicate key needs at least one column");
        }
        columns = keyColumns.toArray(String[]::new);
        for (int i = 0; i < columns.length; i++) {
            valueIds.add(new HashMap<>());
        }
        lastValue = new Object[columns.length];
        lastId = new int[columns.length];
        lastPair = new long[columns.length];
        lastPrefix = new long[columns.length];
        Arrays.fill(lastPair, -1);
    }

    /** Notes the row's key; false when an earlier row had an equal key. */
    boolean add(Map<String, Object> values) {
        long key = 0;
        for (int i = 0; i < columns.length; i++) {
            Object value = values.get(columns[i]);
            int id;
            if (value == null) {
                id = 0; // a missing value equals a missing one, as "null" did in the string keys this replaces
            } else if (value == lastValue[i]) {
                id = lastId[i];
            } else {
                Map<Object, Integer> ids = valueIds.get(i);
                id = ids.computeIfAbsent(value, v -> ids.size() + 1);
                lastValue[i] = value;
                lastId[i] = id;
            }
            long pair = key << 32 | id & 0xFFFFFFFFL;
            if (i == columns.length - 1) {
                key = pair;
            } else if (pair == lastPair[i]) {
                key = lastPrefix[i];
            } else {
                key = prefixes.idOf(pair);
                lastPair[i] = pair;
                lastPrefix[i] = key;
            }
        }
        return keys.add(key);
    }

    /**
     * Open addressing over non-negative longs (-1 marks a free slot), no boxing: a set, or with ids a
     * map from each key to a dense number in the order of first sight.
     */
    static final class LongTable {
        private long[] slots = empty(1 << 10);
        private int[] ids;
        private int size;

        LongTable(boolean withIds) {
            ids = withIds ? new int[slots.length] : null;
        }

        /** False if the key was there already. */
        boolean add(long key) {
            int before = size;
            slot(key);
            return size > before;
        }

        int idOf(long key) {
            int i = slot(key); // may grow, so ids is read after it
            return ids[i];
        }

        private int slot(long key) {
            if (size * 2 >= slots.length) {
                grow();
            }
            int mask = slots.length - 1;
            int i = mix(key) & mask;
            long at;
            while ((at = slots[i]) != -1) {
                if (at == key) {
                    return i;
                }
                i = i + 1 & mask;
            }
            slots[i] = key;
            if (ids != null) {
                ids[i] = size;
            }
            size++;
            return i;
        }

        private void grow() {
            long[] oldSlots = slots;
            int[] oldIds = ids;
            slots = empty(oldSlots.length * 2);
            ids = oldIds == null ? null : new int[slots.length];
            int mask = slots.length - 1;
            for (int j = 0; j < oldSlots.length; j++) {
                if (oldSlots[j] != -1) {
                    int i = mix(oldSlots[j]) & mask;
                    while (slots[i] != -1) {
                        i = i + 1 & mask;
                    }
                    slots[i] = oldSlots[j];
                    if (ids != null) {
                        ids[i] = oldIds[j];
                    }
                }
            }
        }

        private static long[] empty(int capacity) {
            long[] a = new long[capacity];
            Arrays.fill(a, -1);
            return a;
        }

        /**
         * Keys sharing their upper half (the leading columns: one enterprise-month, say) land side by
         * side, so a group of rows touches a few cache lines of a table of many megabytes instead of
         * one line each.
         */
        private static int mix(long key) {
            long h = (key >>> 32) * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 32) + (int) key;
        }
    }
}
