package io.tanxin.reporting.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The query records a credit report lists, kept per enterprise: every report shows all of the
 * last two years' (each read adds one), so each read used to fetch them all again. Where an
 * enterprise's records commit in id order ({@link QueryStore}), the list read is kept with its
 * newest id and the next report reads only the records added after it.
 *
 * <p>A list read in a transaction is kept only once that transaction commits: it holds the
 * transaction's own new record, which a rollback would leave behind otherwise.
 */
@Component
public class QueryTails {

    static final Comparator<QueryStore.Row> NEWEST_FIRST = Comparator.comparing(QueryStore.Row::queriedAt)
            .thenComparingLong(QueryStore.Row::id).reversed();

    private record Tail(long newestId, List<QueryStore.Row> rows) {
    }

    private final QueryStore store;
    private final boolean incremental;
    // one list an enterprise; an evicted one is read whole again
    private final Cache<String, Tail> tails = Caffeine.newBuilder().maximumSize(4_096)
            .expireAfterAccess(Duration.ofHours(1)).build();

    QueryTails(QueryStore store) {
        this.store = store;
        this.incremental = store.committedInIdOrder();
    }

    /** Every query of the enterprise since {@code since}, the newest first. */
    public List<QueryStore.Row> since(String uscc, Instant since) {
        Tail known = incremental ? tails.getIfPresent(uscc) : null;
        List<QueryStore.Row> rows;
        long newest;
        if (known == null) {
            rows = store.allForEnterprise(uscc, since);
            newest = rows.stream().mapToLong(QueryStore.Row::id).max().orElse(0);
        } else {
            List<QueryStore.Row> added = store.addedAfter(uscc, known.newestId(), since);
            rows = new ArrayList<>(added.size() + known.rows().size());
            rows.addAll(added);
            newest = known.newestId();
            for (QueryStore.Row r : added) {
                newest = Math.max(newest, r.id());
            }
            for (QueryStore.Row r : known.rows()) {
                if (!r.queriedAt().isBefore(since)) {
                    rows.add(r);
                }
            }
            rows.sort(NEWEST_FIRST);
            rows = List.copyOf(rows);
        }
        if (incremental) {
            keep(uscc, new Tail(newest, rows));
        }
        return rows;
    }

    private void keep(String uscc, Tail tail) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            put(uscc, tail);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                put(uscc, tail);
            }
        });
    }

    /** Lists read by concurrent reports are each complete up to their newest id: the longer one stays. */
    private void put(String uscc, Tail tail) {
        tails.asMap().merge(uscc, tail, (old, offered) -> offered.newestId() >= old.newestId() ? offered : old);
    }
}
