package io.tanxin.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Institution;
import io.tanxin.reporting.internal.QueryStore;
import io.tanxin.reporting.internal.QueryTails;
import io.tanxin.shared.Page;
import org.springframework.stereotype.Service;

/** The record of report queries: what an enterprise's report shows and what a bank sees of its own. */
@Service
public class QueryLog {

    /** A report shows the queries of the last two years. */
    public static final int YEARS_SHOWN = 2;

    private final QueryStore store;
    private final QueryTails tails;
    private final DirectoryManagement directory;
    private final Clock clock = Clock.systemUTC();
    private volatile Names names;

    QueryLog(QueryStore store, QueryTails tails, DirectoryManagement directory) {
        this.store = store;
        this.tails = tails;
        this.directory = directory;
    }

    /** Queries of the enterprise's report in the last two years (Asia/Shanghai days), the newest first. */
    public Page<QueryRecord> forEnterprise(String uscc, int page, int size) {
        Page.check(page, size);
        Instant since = since();
        Map<String, String> names = names();
        List<QueryRecord> items = store.forEnterprise(uscc, since, page * size, size).stream()
                .map(r -> toRecord(r, names)).toList();
        return Page.of(items, page, size, () -> store.countForEnterprise(uscc, since));
    }

    /**
     * For each enterprise, every query of its report in the last two years, the newest first: what
     * its credit report lists, however many there are. The enterprises are read together.
     */
    public Map<String, List<QueryRecord>> shownInReports(java.util.Collection<String> usccs) {
        Map<String, String> names = names();
        Map<String, List<QueryRecord>> shown = new java.util.HashMap<>();
        tails.sinceEach(usccs, since()).forEach((uscc, rows) -> shown.put(uscc,
                rows.stream().map(r -> toRecord(r, names)).toList()));
        return shown;
    }

    /**
     * How many of the enterprise's queries are too old for its report to show. A PDF counts its
     * pages of query records from the enterprise's first query, so that a page holds the same
     * records when the oldest leave the report.
     */
    public long countOlderThanShown(String uscc) {
        return store.countBefore(uscc, since());
    }

    /** The queries an organisation (a bank by its code) made in the last two years. */
    public Page<QueryRecord> forOrganisation(String organisationCode, int page, int size) {
        Page.check(page, size);
        Instant since = since();
        Map<String, String> names = names();
        List<QueryRecord> items = store.forOrganisation(organisationCode, since, page * size, size).stream()
                .map(r -> toRecord(r, names)).toList();
        return Page.of(items, page, size, () -> store.countForOrganisation(organisationCode, since));
    }

    QueryRecord record(QueryStore.Row row) {
        return toRecord(row, names());
    }

    private Instant since() {
        LocalDate first = ShanghaiDates.today(clock).minusYears(YEARS_SHOWN);
        return first.atStartOfDay(ShanghaiDates.ZONE).toInstant();
    }

    /**
     * Institution names by code. The directory hands out the same list until it reloads it, so the
     * map is built once per list, not for each of a report's two calls.
     */
    private Map<String, String> names() {
        List<Institution> institutions = directory.institutions();
        Names known = names;
        if (known == null || known.of() != institutions) {
            known = new Names(institutions, institutions.stream().collect(Collectors.toMap(Institution::code,
                    Institution::nameZh, (a, b) -> a)));
            names = known;
        }
        return known.byCode();
    }

    private record Names(List<Institution> of, Map<String, String> byCode) {
    }

    private QueryRecord toRecord(QueryStore.Row r, Map<String, String> names) {
        String organisation = r.organisationCode();
        String name = organisation == null ? null : names.get(organisation);
        if (name == null && r.basis() == AccessBasis.OWN) {
            name = directory.findEnterprise(organisation).map(e -> e.nameZh()).orElse(null);
        }
        return new QueryRecord(r.id(), r.uscc(), r.queriedAt(), r.username(), organisation, name, r.basis(),
                r.purpose(), r.consentId());
    }
}
