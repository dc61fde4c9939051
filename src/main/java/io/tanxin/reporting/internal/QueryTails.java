package io.tanxin.reporting.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        return sinceEach(List.of(uscc), since).get(uscc);
    }

    /**
     * For each enterprise, every query since {@code since}, the newest first. The enterprises whose
     * lists are kept are read together, in one statement.
     */
    public Map<String, List<QueryStore.Row>> sinceEach(Collection<String> usccs, Instant since) {
        Map<String, List<QueryStore.Row>> lists = new HashMap<>();
        Map<String, Tail> known = new HashMap<>();
        for (String uscc : usccs) {
            Tail tail = incremental ? tails.getIfPresent(uscc) : null;
            if (tail == null) {
                lists.put(uscc, store.allForEnterprise(uscc, since));
            } else {
                known.put(uscc, tail);
            }
        }
        if (!known.isEmpty()) {
            Map<String, Long> after = new HashMap<>();
            known.forEach((uscc, tail) -> after.put(uscc, tail.newestId()));
            Map<String, List<QueryStore.Row>> added = new HashMap<>();
            for (QueryStore.Row r : known.size() == 1
                    ? store.addedAfter(after.keySet().iterator().next(), after.values().iterator().next(), since)
                    : store.addedAfterEach(after, since)) {
                added.computeIfAbsent(r.uscc(), u -> new ArrayList<>()).add(r);
            }
            known.forEach((uscc, tail) -> lists.put(uscc, grown(tail, added.getOrDefault(uscc, List.of()), since)));
        }
        if (incremental) {
            lists.forEach((uscc, rows) -> {
                long newest = known.containsKey(uscc) ? known.get(uscc).newestId() : 0;
                for (QueryStore.Row r : rows) {
                    newest = Math.max(newest, r.id());
                }
                keep(uscc, new Tail(newest, rows));
            });
        }
        return lists;
    }

    /** The kept list with the records added after it, less those older than {@code since}. */
    private static List<QueryStore.Row> grown(Tail known, List<QueryStore.Row> added, Instant since) {
        List<QueryStore.Row> rows = new ArrayList<>(added.size() + known.rows().size());
        rows.addAll(added);
        for (QueryStore.Row r : known.rows()) {
            if (!r.queriedAt().isBefore(since)) {
                rows.add(r);
            }
        }
        rows.sort(NEWEST_FIRST);
        return List.copyOf(rows);
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
