package io.tanxin.reporting.report;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tanxin.reporting.QueryRecord;
import org.springframework.stereotype.Component;

/**
 * The query records a report lists, as a {@link CanonicalList} whose canonical text is grown from
 * the text of the enterprise's previous report. Every report lists all of the last two years'
 * records, newest first, and every read adds one: after a few hundred reads they are most of a
 * report, and writing them record by record (each record's kept text looked up in a cache) was a
 * tenth of a JSON report's server CPU (async-profiler, 2026-11-30). When the older part of a list is
 * exactly the list kept for the same reader's view, only the new records are written and put in
 * front of the kept text; any other list (a record past two years, a read that rolled back, an
 * institution renamed) is written whole, so what is kept can only ever save work, never change the
 * text.
 */
@Component
class QueryRecordTexts {

    private record Kept(List<QueryRecord> records, byte[] array) {
    }

    // one list a view of an enterprise (banks see other banks' records without user and consent);
    // weighed by their UTF-8 text, some 330 bytes a record: 128 MB holds the demo province's ~1,200
    // enterprises at 300 records each; an evicted list is written whole once
    private final Cache<String, Kept> kept = Caffeine.newBuilder().maximumWeight(128L << 20)
            .weigher((String view, Kept k) -> k.array().length + 64).expireAfterAccess(Duration.ofHours(1)).build();

    /** {@code records}, newest first, as the view {@code view} of enterprise {@code uscc} shows them. */
    CanonicalList<QueryRecord> of(String uscc, String view, List<QueryRecord> records) {
        String key = uscc + ' ' + view;
        Kept before = kept.getIfPresent(key);
        int added = before == null ? -1 : records.size() - before.records().size();
        byte[] array;
        if (before != null && added >= 0 && records.subList(added, records.size()).equals(before.records())) {
            array = added == 0 ? before.array() : prepend(records.subList(0, added), before.array());
        } else {
            array = prepend(records, new byte[] {'[', ']'});
        }
        List<QueryRecord> list = List.copyOf(records);
        kept.put(key, new Kept(list, array));
        return new CanonicalList<>(list, new RawJson(array));
    }

    /** The JSON array of {@code first} followed by the items of {@code array}. */
    private static byte[] prepend(List<QueryRecord> first, byte[] array) {
        if (first.isEmpty()) {
            return array;
        }
        byte[][] texts = new byte[first.size()][];
        int length = array.length;
        for (int i = 0; i < texts.length; i++) {
            texts[i] = CanonicalBody.plainUtf8(first.get(i));
            length += texts[i].length + 1;
        }
        boolean moreAfter = array.length > 2;
        if (!moreAfter) {
            length--;
        }
        byte[] out = new byte[length];
        out[0] = '[';
        int at = 1;
        for (int i = 0; i < texts.length; i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            System.arraycopy(texts[i], 0, out, at, texts[i].length);
            at += texts[i].length;
        }
        if (moreAfter) {
            out[at++] = ',';
        }
        // the kept items and their closing bracket
        System.arraycopy(array, 1, out, at, array.length - 1);
        return out;
    }
}
