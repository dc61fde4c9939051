package io.tanxin.reporting.report;

import java.util.ArrayList;
import java.util.List;

import io.tanxin.reporting.QueryRecord;

/**
 * A PDF's query records in pages. A report lists every query of the last two years and every read
 * adds one, so a read laid out the same older records again and again: an enterprise that banks
 * monitor has pages of them, and they cost more than the rest of the read's own pages. The records
 * are counted from the enterprise's first query (the {@code older} ones no longer shown come first)
 * and cut into chunks of {@code perPage}: a chunk that is full never changes, so its page is
 * rendered once and kept ({@link RenderedSections}); only the newest records, fewer than a page,
 * are laid out with each read's cover and evidence. When the oldest records leave the report, only
 * the oldest chunk changes, because the count still starts at the first query.
 *
 * @param own the newest records, which the read renders itself (fewer than {@code perPage})
 * @param chunks the older records a page each, the newest chunk first; the oldest may be partial
 */
record QueryRecordPages(List<QueryRecord> own, List<List<QueryRecord>> chunks) {

    /** One line each at 8.5 pt: 49 fit an A4 page under the column heads, so 45 leave room for a few long names that wrap. */
    static final int PER_PAGE = 45;

    static QueryRecordPages of(List<QueryRecord> newestFirst, long older, int perPage) {
        if (perPage < 1 || older < 0) {
            throw new IllegalArgumentException("perPage " + perPage + ", older " + older);
        }
        int n = newestFirst.size();
        long total = older + n;
        // the record at index i is the enterprise's (total - 1 - i)th query, counting from 0
        long ownFrom = total / perPage * perPage;
        int own = (int) Math.min(n, total - ownFrom);
        List<List<QueryRecord>> chunks = new ArrayList<>();
        int from = own;
        for (long chunkStart = ownFrom - perPage; from < n; chunkStart -= perPage) {
            int to = (int) Math.min(n, total - chunkStart);
            chunks.add(List.copyOf(newestFirst.subList(from, to)));
            from = to;
        }
        return new QueryRecordPages(List.copyOf(newestFirst.subList(0, own)), List.copyOf(chunks));
    }

    /** All of the records on one page, the read's own: when pages are not kept. */
    static QueryRecordPages onePart(List<QueryRecord> newestFirst) {
        return new QueryRecordPages(newestFirst, List.of());
    }
}
