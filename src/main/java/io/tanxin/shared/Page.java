package io.tanxin.shared;

import java.util.List;

/** One page of a list endpoint with the total count of matches. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 200;

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
