package io.tanxin.shared;

import java.util.List;

/** One page of a list endpoint with the total count of matches. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 200;

    /** Refuses paging outside 0 ≤ page and 1 ≤ size ≤ {@link #MAX_SIZE} with a 400 problem. */
    public static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new DomainException("INVALID_PAGE", "分页参数无效：page ≥ 0，1 ≤ size ≤ " + MAX_SIZE,
                    "Invalid paging: page ≥ 0 and 1 ≤ size ≤ " + MAX_SIZE).withStatus(400);
        }
    }

    /**
     * A page of items read with {@code LIMIT size OFFSET page × size}. A first page that is not full
     * holds every match, so {@code count} runs only otherwise (a credit report reads two such pages).
     */
    public static <T> Page<T> of(List<T> items, int page, int size, java.util.function.LongSupplier count) {
        long total = page == 0 && items.size() < size ? items.size() : count.getAsLong();
        return new Page<>(items, total, page, size);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
