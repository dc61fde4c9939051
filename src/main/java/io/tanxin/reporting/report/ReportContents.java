package io.tanxin.reporting.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tanxin.directory.Enterprise;
import io.tanxin.shared.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shares a report's content between the reports of one enterprise while nothing it shows has
 * changed. On PostgreSQL every change to the records a report shows gives the enterprise a new
 * content version in the changing transaction (db/vendor/postgresql/V37); a report reads the
 * version, a few index entries, and reuses the content read for it on the same Asia/Shanghai day
 * (negative information and objection deadlines depend on the day) and for the same enterprise
 * record (name, stage). Every instance reads the version, so a change made through another
 * instance, by any module or by hand in SQL, shows in the next report there too.
 *
 * <p>Where the database keeps no versions (embedded H2) every report reads afresh.
 */
@Component
class ReportContents {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportContents.class);

    /** The newest change's id and the number of changes kept: see V37 for why both. */
    record Version(long newest, long changes) {
    }

    private record Entry(Version version, LocalDate day, Enterprise enterprise, ReportContent content) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean versioned;
    // One entry an enterprise, the newest read. A content is 14-36 KB as JSON in the demo province
    // (objections and findings make the difference), a few times that as objects: 4,096 keeps every
    // demo enterprise in a few hundred MB at most; an evicted one is read again
    private final Cache<String, Entry> entries = Caffeine.newBuilder().maximumSize(4_096)
            .expireAfterAccess(Duration.ofHours(1)).build();

    ReportContents(JdbcClient jdbc, Database database, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.versioned = database.postgres();
        if (!versioned) {
            log.info("This database keeps no report content versions: every credit report reads its content afresh");
        }
    }

    /** The enterprise's content as of {@code day}: the one read for its current version, or {@code read}'s. */
    ReportContent of(Enterprise enterprise, LocalDate day, Supplier<ReportContent> read) {
        return of(enterprise, day, version(enterprise.uscc()), read);
    }

    /** {@link #of} with the enterprise's current version read already ({@link #versions}). */
    ReportContent of(Enterprise enterprise, LocalDate day, Optional<Version> version, Supplier<ReportContent> read) {
        if (version.isEmpty()) {
            return read.get();
        }
        Version v = version.get();
        Entry e = entries.getIfPresent(enterprise.uscc());
        if (e != null && e.version().equals(v) && e.day().equals(day) && e.enterprise().equals(enterprise)) {
            return e.content();
        }
        ReportContent content = read.get();
        // The reads above each see what had committed when they ran: kept only if no change committed
        // while they ran, so that what is kept for a version is what that version's records show
        if (version(enterprise.uscc()).equals(version)) {
            entries.put(enterprise.uscc(), new Entry(v, day, enterprise, content));
        }
        return content;
    }

    /** The enterprise's current content version; empty where versions are not kept or it has none yet. */
    Optional<Version> version(String uscc) {
        if (!versioned) {
            return Optional.empty();
        }
        Version v = jdbc.sql("SELECT MAX(id), COUNT(*) FROM report_content_change WHERE uscc = ?").param(uscc)
                .query((rs, n) -> new Version(rs.getLong(1), rs.getLong(2))).single();
        return v.changes() == 0 ? Optional.empty() : Optional.of(v);
    }

    /** {@link #version} of several enterprises, in one query; none where versions are not kept. */
    Map<String, Version> versions(Collection<String> usccs) {
        Map<String, Version> versions = new HashMap<>();
        if (!versioned || usccs.isEmpty()) {
            return versions;
        }
        jdbc.sql("SELECT uscc, MAX(id), COUNT(*) FROM report_content_change WHERE uscc IN (:usccs) GROUP BY uscc")
                .param("usccs", List.copyOf(usccs))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> versions.put(rs.getString(1),
                        new Version(rs.getLong(2), rs.getLong(3))));
        return versions;
    }

    /**
     * Folds each enterprise's changes into one row newer than all of them, so that reading a
     * version stays a few index entries however much the data changes. Every enterprise folded
     * gets a new version. One instance at a time folds (an advisory lock); a change committing
     * meanwhile keeps its row, as the fold deletes only the rows it sees.
     */
    @Scheduled(initialDelayString = "${tanxin.reporting.fold-changes-ms:60000}",
            fixedDelayString = "${tanxin.reporting.fold-changes-ms:60000}")
    int fold() {
        if (!versioned) {
            return 0;
        }
        Integer folded = tx.execute(s -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(FOLD_LOCK).query(Boolean.class).single()) {
                return 0;
            }
            return jdbc.sql("WITH many AS (SELECT uscc FROM report_content_change GROUP BY uscc HAVING COUNT(*) > ?), "
                    + "folded AS (INSERT INTO report_content_change (uscc) SELECT uscc FROM many RETURNING uscc, id) "
                    + "DELETE FROM report_content_change c USING folded f WHERE c.uscc = f.uscc AND c.id < f.id")
                    .param(FOLD_ABOVE).update();
        });
        if (folded != null && folded > 0) {
            log.debug("folded {} report content changes", folded);
        }
        return folded == null ? 0 : folded;
    }

    // an enterprise with a handful of changes is cheap to read; folding it would only make its reports read again
    private static final int FOLD_ABOVE = 8;
    private static final long FOLD_LOCK = "tanxin.report_content_change.fold".hashCode();
}
