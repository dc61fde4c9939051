package io.tanxin.reporting.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tanxin.directory.Enterprise;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Shares a report's content between the reports of one enterprise while nothing it shows has
 * changed. On PostgreSQL every change to the records a report shows gives the enterprise a new
 * content version in the changing transaction (db/vendor/postgresql/V37); a report reads the
 * version, one indexed row, and reuses the content read for it on the same Asia/Shanghai day
 * (negative information and objection deadlines depend on the day) and for the same enterprise
 * record (name, stage). Every instance reads the version, so a change made through another
 * instance, by any module or by hand in SQL, shows in the next report there too.
 *
 * <p>Where the database keeps no versions (embedded H2) every report reads afresh.
 */
@Component
class ReportContents {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportContents.class);

    private record Entry(long version, LocalDate day, Enterprise enterprise, ReportContent content) {
    }

    private final JdbcClient jdbc;
    private final boolean versioned;
    // one entry an enterprise, the newest read: a pilot province has thousands of enterprises
    private final Cache<String, Entry> entries = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    ReportContents(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.versioned = isPostgreSql(dataSource);
        if (!versioned) {
            log.info("This database keeps no report content versions: every credit report reads its content afresh");
        }
    }

    /** The enterprise's content as of {@code day}: the one read for its current version, or {@code read}'s. */
    ReportContent of(Enterprise enterprise, LocalDate day, Supplier<ReportContent> read) {
        Optional<Long> version = version(enterprise.uscc());
        if (version.isEmpty()) {
            return read.get();
        }
        long v = version.get();
        Entry e = entries.getIfPresent(enterprise.uscc());
        if (e != null && e.version() == v && e.day().equals(day) && e.enterprise().equals(enterprise)) {
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
    Optional<Long> version(String uscc) {
        if (!versioned) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT version FROM report_content_version WHERE uscc = ?").param(uscc)
                .query(Long.class).optional();
    }

    private static boolean isPostgreSql(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }
}
