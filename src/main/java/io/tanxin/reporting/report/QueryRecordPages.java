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

    /**
     * What a kept page of {@code chunk} shows, as text to key it by: each record's every field,
     * each with its length, so that no two lists of records give the same text. A record never
     * changes once written, and the page shows nothing but its records (under the template of the
     * running server), so this names the page as well as its page text would; writing that text
     * with Thymeleaf to look a page up took a tenth of a PDF's CPU at 300 records an enterprise.
     */
    static String pageIdentity(List<QueryRecord> chunk) {
        StringBuilder b = new StringBuilder(64 + chunk.size() * 120).append("query-record-page ").append(chunk.size());
        for (QueryRecord q : chunk) {
            field(b, Long.toString(q.id()));
            field(b, q.uscc());
            field(b, String.valueOf(q.queriedAt()));
            field(b, q.username());
            field(b, q.organisationCode());
            field(b, q.organisationName());
            field(b, String.valueOf(q.basis()));
            field(b, String.valueOf(q.purpose()));
            field(b, q.consentId() == null ? null : q.consentId().toString());
        }
        return b.toString();
    }

    private static void field(StringBuilder b, String value) {
        if (value == null) {
            b.append(" -");
        } else {
            b.append(' ').append(value.length()).append(':').append(value);
        }
    }

    /** All of the records on one page, the read's own: when pages are not kept. */
    static QueryRecordPages onePart(List<QueryRecord> newestFirst) {
        return new QueryRecordPages(newestFirst, List.of());
    }
}
