package io.tanxin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.tanxin.reporting.AccessBasis;
import io.tanxin.reporting.QueryRecord;
import io.tanxin.reporting.ReportPurpose;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The pages of query records: everything listed once in order, the read's own part under a page,
 * and full pages that stay the same as records are added and the oldest leave the report.
 */
class QueryRecordPagesProperties {

    @Property
    void theRecordsAreListedOnceInTheirOrderAndOnlyTheOldestChunkIsPartial(
            @ForAll @IntRange(min = 0, max = 400) int shown, @ForAll @IntRange(min = 0, max = 300) int older,
            @ForAll @IntRange(min = 1, max = 60) int perPage) {
        List<QueryRecord> records = newestFirst(older, older + shown);
        QueryRecordPages pages = QueryRecordPages.of(records, older, perPage);

        List<QueryRecord> all = new ArrayList<>(pages.own());
        pages.chunks().forEach(all::addAll);
        assertThat(all).isEqualTo(records);
        assertThat(pages.own()).hasSizeLessThan(perPage);
        for (int i = 0; i < pages.chunks().size(); i++) {
            List<QueryRecord> chunk = pages.chunks().get(i);
            assertThat(chunk).isNotEmpty();
            if (i < pages.chunks().size() - 1) {
                assertThat(chunk).hasSize(perPage);
            }
            // a chunk is the enterprise's queries k * perPage to (k + 1) * perPage - 1, counted from its first
            long oldest = chunk.get(chunk.size() - 1).id();
            long newest = chunk.get(0).id();
            assertThat(newest / perPage).isEqualTo(oldest / perPage);
        }
    }

    @Property
    void aFullChunkIsTheSameAfterMoreReadsAndAfterTheOldestLeaveTheReport(
            @ForAll @IntRange(min = 0, max = 300) int shown, @ForAll @IntRange(min = 0, max = 100) int older,
            @ForAll @IntRange(min = 0, max = 120) int added, @ForAll @IntRange(min = 0, max = 120) int aged,
            @ForAll @IntRange(min = 1, max = 60) int perPage) {
        QueryRecordPages before = QueryRecordPages.of(newestFirst(older, older + shown), older, perPage);
        int leftOut = Math.min(aged, shown + added);
        QueryRecordPages after = QueryRecordPages.of(newestFirst(older + leftOut, older + shown + added),
                older + leftOut, perPage);

        for (List<QueryRecord> chunk : before.chunks()) {
            boolean full = chunk.size() == perPage;
            boolean stillShown = chunk.get(chunk.size() - 1).id() >= older + leftOut;
            if (full && stillShown) {
                assertThat(after.chunks()).contains(chunk);
            }
        }
    }

    @Test
    void aHundredAndFiftySevenRecordsAreSevenOfTheReadsOwnAndThreePages() {
        QueryRecordPages pages = QueryRecordPages.of(newestFirst(0, 157), 0, 50);
        assertThat(pages.own()).extracting(QueryRecord::id).containsExactly(156L, 155L, 154L, 153L, 152L, 151L, 150L);
        assertThat(pages.chunks()).extracting(List::size).containsExactly(50, 50, 50);
        assertThat(pages.chunks().get(0).get(0).id()).isEqualTo(149);
        assertThat(pages.chunks().get(2).get(49).id()).isZero();
    }

    @Test
    void whenTheOldestLeaveTheReportTheOldestPageIsPartialAndTheOthersStay() {
        QueryRecordPages pages = QueryRecordPages.of(newestFirst(3, 157), 3, 50);
        assertThat(pages.own()).hasSize(7);
        assertThat(pages.chunks()).extracting(List::size).containsExactly(50, 50, 47);
        assertThat(pages.chunks().get(1)).isEqualTo(QueryRecordPages.of(newestFirst(0, 157), 0, 50).chunks().get(1));
    }

    @Test
    void noRecordsNoPages() {
        QueryRecordPages pages = QueryRecordPages.of(List.of(), 12, 50);
        assertThat(pages.own()).isEmpty();
        assertThat(pages.chunks()).isEmpty();
    }

    /**
     * A kept page is looked up by its records: two lists name the same page exactly when they are
     * the same records, whatever their names hold (spaces, digits and colons like the identity's own
     * separators, or nothing at all).
     */
    @Property(tries = 500)
    void twoListsOfRecordsNameOnePageOnlyWhenTheyAreTheSame(@ForAll("records") List<QueryRecord> a,
            @ForAll("records") List<QueryRecord> b) {
        assertThat(QueryRecordPages.pageIdentity(a).equals(QueryRecordPages.pageIdentity(b))).isEqualTo(a.equals(b));
        assertThat(QueryRecordPages.pageIdentity(a)).isEqualTo(QueryRecordPages.pageIdentity(List.copyOf(a)));
    }

    @Provide
    Arbitrary<List<QueryRecord>> records() {
        Arbitrary<String> text = Arbitraries.strings().withChars(" 1:-行a").ofMaxLength(4).injectNull(0.2);
        Arbitrary<QueryRecord> record = Combinators.combine(Arbitraries.longs().between(1, 3), text, text, text,
                Arbitraries.of(AccessBasis.class), Arbitraries.longs().between(1, 2).injectNull(0.5))
                .as((id, user, code, name, basis, consent) -> new QueryRecord(id, "91140000000000000X",
                        Instant.EPOCH.plusSeconds(id), user, code, name, basis, ReportPurpose.LOAN_APPROVAL, consent));
        return record.list().ofMaxSize(3);
    }

    /** The enterprise's queries {@code from} to {@code to} - 1 (ids count from its first), the newest first. */
    private static List<QueryRecord> newestFirst(long from, long to) {
        List<QueryRecord> records = new ArrayList<>();
        for (long id = to - 1; id >= from; id--) {
            records.add(new QueryRecord(id, "91140000000000000X", Instant.EPOCH.plusSeconds(id), "analyst", null, null,
                    AccessBasis.AGENCY, ReportPurpose.AGENCY_REVIEW, null));
        }
        return records;
    }
}
