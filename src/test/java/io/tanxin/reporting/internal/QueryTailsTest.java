package io.tanxin.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.tanxin.reporting.AccessBasis;
import io.tanxin.reporting.ReportPurpose;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A report lists an enterprise's queries from a kept list and the records added after its newest
 * id. That misses none only if an enterprise's records commit in id order, and shows none that
 * never committed only if a list is kept after its transaction commits.
 */
@IntegrationTest
class QueryTailsTest {

    @Autowired
    QueryStore store;

    @Autowired
    QueryTails tails;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void anEnterprisesQueriesAreAddedOneTransactionAtATimeAndTheWaitingOneDrawsItsIdAfterTheWait() throws Exception {
        String a = enterprise(0);
        String b = enterprise(1);
        TransactionTemplate own = new TransactionTemplate(tx.getTransactionManager());
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        CompletableFuture<Long> second;
        long first;
        long other;
        var holder = new CompletableFuture<Long>();
        var release = new CompletableFuture<Void>();
        CompletableFuture<Void> firstTx = CompletableFuture.runAsync(() -> own.executeWithoutResult(s -> {
            holder.complete(insert(a));
            release.join();
        }));
        first = holder.get(10, TimeUnit.SECONDS);
        second = CompletableFuture.supplyAsync(() -> own.execute(s -> insert(a)));
        // the second insert is waiting for the first transaction's lock
        long deadline = System.currentTimeMillis() + 10_000;
        while (waitingForAdvisoryLock() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(waitingForAdvisoryLock()).isEqualTo(1);
        assertThat(second).isNotDone();
        // another enterprise's record is not held up, and draws its id meanwhile
        other = own.execute(s -> insert(b));
        release.complete(null);
        firstTx.get(10, TimeUnit.SECONDS);
        long secondId = second.get(10, TimeUnit.SECONDS);
        assertThat(other).isGreaterThan(first);
        assertThat(secondId).as("drawn after the wait").isGreaterThan(other);
    }

    @Test
    void aKeptListGainsTheRecordsAddedAfterItAndDropsThoseOlderThanTheWindow() {
        String a = enterprise(2);
        Instant since = Instant.now().minus(730, ChronoUnit.DAYS);
        List<QueryStore.Row> before = tails.since(a, since);
        long added = insert(a);
        // added behind the kept list's back, as another instance would
        long byHand = jdbc.sql("INSERT INTO reporting_query (uscc, queried_at, username, basis, purpose) "
                + "VALUES (?, ?, 'regulator', 'REGULATOR', 'SUPERVISION') RETURNING id")
                .params(a, java.sql.Timestamp.from(Instant.now().minusSeconds(3600))).query(Long.class).single();
        List<QueryStore.Row> after = tails.since(a, since);
        assertThat(after).hasSize(before.size() + 2);
        assertThat(after.get(0).id()).isEqualTo(added);
        assertThat(after).extracting(QueryStore.Row::id).contains(byHand);
        assertThat(after).isSortedAccordingTo(QueryTails.NEWEST_FIRST);
        assertThat(after).isEqualTo(store.allForEnterprise(a, since));

        // a later window start leaves out what is before it, in the kept list too
        Instant later = Instant.now().minusSeconds(60);
        assertThat(tails.since(a, later)).extracting(QueryStore.Row::id).containsExactly(added);
    }

    @Test
    void aListReadInATransactionThatRollsBackIsNotKept() {
        String a = enterprise(3);
        Instant since = Instant.now().minus(730, ChronoUnit.DAYS);
        tails.since(a, since);
        long rolledBack = tx.execute(s -> {
            long id = insert(a);
            assertThat(tails.since(a, since)).extracting(QueryStore.Row::id).contains(id);
            s.setRollbackOnly();
            return id;
        });
        assertThat(tails.since(a, since)).extracting(QueryStore.Row::id).doesNotContain(rolledBack);
        long committed = tx.execute(s -> {
            long id = insert(a);
            tails.since(a, since);
            return id;
        });
        assertThat(tails.since(a, since)).extracting(QueryStore.Row::id).contains(committed)
                .doesNotContain(rolledBack);
        assertThat(tails.since(a, since)).isEqualTo(store.allForEnterprise(a, since));
    }

    @Test
    void severalEnterprisesKeptListsGrowTogetherAndABatchOfRecordsComesBackInItsOrder() {
        String a = enterprise(4);
        String b = enterprise(5);
        String c = enterprise(6);
        Instant since = Instant.now().minus(730, ChronoUnit.DAYS);
        tails.since(a, since);
        tails.since(b, since);
        Instant at = Instant.now();
        List<QueryStore.Row> added = tx.execute(s -> store.insertAll(List.of(
                new QueryStore.NewRow(a, at, "analyst", null, AccessBasis.AGENCY, ReportPurpose.AGENCY_REVIEW, null),
                new QueryStore.NewRow(a, at, "regulator", "PBOC_TY", AccessBasis.REGULATOR, ReportPurpose.SUPERVISION,
                        null),
                new QueryStore.NewRow(b, at, "analyst", null, AccessBasis.AGENCY, ReportPurpose.AGENCY_REVIEW, null),
                new QueryStore.NewRow(c, at, "analyst", null, AccessBasis.AGENCY, ReportPurpose.AGENCY_REVIEW, null))));
        assertThat(added).extracting(QueryStore.Row::uscc).containsExactly(a, a, b, c);
        assertThat(added).extracting(QueryStore.Row::id).isSorted().doesNotHaveDuplicates();
        for (QueryStore.Row r : added) {
            assertThat(store.byId(r.id())).contains(r);
        }
        // a and b from their kept lists and what was added after them, in one read; c, never kept, whole
        java.util.Map<String, List<QueryStore.Row>> lists = tails.sinceEach(List.of(a, b, c), since);
        assertThat(lists).containsOnlyKeys(a, b, c);
        for (String uscc : List.of(a, b, c)) {
            assertThat(lists.get(uscc)).isEqualTo(store.allForEnterprise(uscc, since));
        }
        assertThat(lists.get(a)).extracting(QueryStore.Row::id).startsWith(added.get(1).id(), added.get(0).id());
    }

    private long insert(String uscc) {
        return store.insert(uscc, Instant.now(), "analyst", null, AccessBasis.AGENCY, ReportPurpose.AGENCY_REVIEW, null)
                .id();
    }

    private String enterprise(int n) {
        return jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY")
                .param(10 + n).query(String.class).single();
    }

    private int waitingForAdvisoryLock() {
        return jdbc.sql("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                .query(Integer.class).single();
    }
}
