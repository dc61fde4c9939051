package io.tanxin.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tanxin.accounting.AccountingManagement;
import io.tanxin.accounting.CarbonAccount;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.evidence.OfflineVerifier;
import io.tanxin.evidence.SignedCheckpoint;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Role;
import io.tanxin.intake.EnterpriseFacts;
import io.tanxin.rating.Rating;
import io.tanxin.rating.RatingManagement;
import io.tanxin.reporting.DisputedItem;
import io.tanxin.reporting.NegativeInformation;
import io.tanxin.reporting.ObjectionItemType;
import io.tanxin.reporting.Objections;
import io.tanxin.reporting.QueryLog;
import io.tanxin.reporting.QueryRecord;
import io.tanxin.reporting.ReportAccess;
import io.tanxin.reporting.ReportPurpose;
import io.tanxin.reporting.ShanghaiDates;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.Page;
import io.tanxin.shared.Period;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues carbon credit reports: in one transaction it decides access (and records the query),
 * assembles the body from the modules' APIs (the enterprise's content reused while its content
 * version stands, {@link ReportContents}; its query records read every time), stores the body's
 * hash and appends an evidence leaf; then it sequences the leaf and attaches a signed checkpoint
 * that includes it and the proof. Reports asked for at once share that transaction ({@link Batches}):
 * under load its round trips to the database, not each report's, are what the database serves.
 */
@Service
public class CreditReports implements DisposableBean {

    static final int YEARS = 3;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CreditReports.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    // a batch is a transaction: enough to amortise its round trips, few enough to keep its locks briefly
    static final int MAX_BATCH = 64;
    private static final long WAIT_MILLIS = 30_000;

    private final ReportAccess access;
    private final QueryLog queries;
    private final Objections objections;
    private final DirectoryManagement directory;
    private final AccountingManagement accounting;
    private final RatingManagement ratings;
    private final EnterpriseFacts facts;
    private final EvidenceLog evidence;
    private final ReportEvidence store;
    private final ReportContents contents;
    private final QueryRecordTexts queryTexts;
    private final TransactionTemplate tx;
    private final Batches<Ask, Written> batches;
    private final Clock clock = Clock.systemUTC();

    CreditReports(ReportAccess access, QueryLog queries, Objections objections, DirectoryManagement directory,
            AccountingManagement accounting, RatingManagement ratings, EnterpriseFacts facts, EvidenceLog evidence,
            ReportEvidence store, ReportContents contents, QueryRecordTexts queryTexts,
            PlatformTransactionManager transactions, @Value("${tanxin.reporting.issuing-threads:2}") int threads) {
        this.access = access;
        this.queries = queries;
        this.objections = objections;
        this.directory = directory;
        this.accounting = accounting;
        this.ratings = ratings;
        this.facts = facts;
        this.evidence = evidence;
        this.store = store;
        this.contents = contents;
        this.queryTexts = queryTexts;
        this.tx = new TransactionTemplate(transactions);
        this.batches = new Batches<>("report-issuing", threads, MAX_BATCH, WAIT_MILLIS,
                () -> new DomainException("REPORT_BUSY", "报告服务繁忙，请稍后重试", "Reports are busy; try again")
                        .withStatus(503), this::writeAll);
    }

    @Override
    public void destroy() {
        batches.close();
    }

    /** An issued report and its JSON, whose body is the canonical text that was hashed. */
    record Issued(CreditReport report, ReportJson json) {
    }

    /**
     * Authorizes (and records) the read, then issues the report. {@code purpose} is what a bank
     * states; the others read for their own fixed purpose. {@code baseUrl} makes the verification address.
     */
    Issued issue(Actor actor, String uscc, ReportPurpose purpose, String baseUrl) {
        long t0 = System.nanoTime();
        Instant issuedAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Written written = batches.call(new Ask(actor, uscc, purpose, issuedAt));
        long t2 = System.nanoTime();
        EvidenceLog.Sealed sealed = evidence.seal(written.entry()).orElseThrow(() -> new DomainException(
                "REPORT_NOT_SEQUENCED", "报告尚未记入证据日志，请稍后重试", "The report is not in the evidence log yet; try again")
                .withStatus(503));
        long leaf = sealed.leafIndex();
        SignedCheckpoint cp = sealed.checkpoint();
        long t4 = System.nanoTime();
        List<String> proof = evidence.inclusionProof(leaf, cp.treeSize()).stream()
                .map(h -> Base64.getEncoder().encodeToString(h)).toList();
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        CreditReport.Evidence ev = new CreditReport.Evidence(ReportEvidence.KIND, leaf,
                java.util.HexFormat.of().formatHex(written.hash()), Base64.getEncoder().encodeToString(written.leafData()),
                cp.treeSize(), cp.rootBase64(), cp.note(), proof, base + "/api/v1/evidence/leaves/" + leaf,
                base + "/api/v1/evidence/public-key",
                "java -jar tanxin-exec.jar verify report --key public-key.pem --report report.json");
        // the body goes out as the very canonical text that was hashed
        written.json().close(JSON.writeValueAsBytes(ev));
        Issued issued = new Issued(new CreditReport(written.body(), ev), written.json());
        long t5 = System.nanoTime();
        if (log.isDebugEnabled()) {
            log.debug("report {}: queued and written {} ms (a batch of {}), sequence+checkpoint {} ms, proof+json {} ms",
                    written.body().reportNumber(), (t2 - t0) / 1_000_000, written.batchSize(), (t4 - t2) / 1_000_000,
                    (t5 - t4) / 1_000_000);
        }
        return issued;
    }

    /** A report asked for, as it waits to be written. */
    private record Ask(Actor actor, String uscc, ReportPurpose purpose, Instant issuedAt) {
    }

    /** What a report's transaction wrote: the body and its JSON, hash and leaf data, and its evidence entry. */
    private record Written(CreditReport.Body body, ReportJson json, byte[] hash, byte[] leafData, long entry,
            int batchSize) {
    }

    /**
     * Writes a batch of reports in one transaction: the access decisions and query records, the
     * bodies, the report rows and the evidence leaves, each kind in one round trip, where one report
     * a transaction took five and a commit. A read refused, or whose decision failed, is answered
     * with its failure once the refusal has committed. If the transaction fails, each report is
     * written again alone, so that one that cannot be written fails by itself.
     */
    private void writeAll(List<Batches.Call<Ask, Written>> calls) {
        // the query records' locks are taken in this order, the same in every batch
        List<Batches.Call<Ask, Written>> ordered = new ArrayList<>(calls);
        ordered.sort(Comparator.comparing(c -> c.input().uscc(), Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Object> outcomes;
        try {
            outcomes = tx.execute(s -> writeInOneTransaction(ordered));
        } catch (RuntimeException e) {
            if (ordered.size() == 1) {
                ordered.get(0).fail(e);
            } else {
                log.debug("a batch of {} reports failed; writing each alone", ordered.size(), e);
                ordered.forEach(c -> writeAll(List.of(c)));
            }
            return;
        }
        for (int i = 0; i < ordered.size(); i++) {
            if (outcomes.get(i) instanceof Written w) {
                ordered.get(i).answer(w);
            } else {
                ordered.get(i).fail((RuntimeException) outcomes.get(i));
            }
        }
    }

    /** Each call's {@link Written}, or the exception to answer it with. */
    private List<Object> writeInOneTransaction(List<Batches.Call<Ask, Written>> calls) {
        List<ReportAccess.Decided> decided = access.decideAndRecordAll(calls.stream()
                .map(c -> new ReportAccess.Asked(c.input().actor(), c.input().uscc(), c.input().purpose())).toList());
        Set<String> read = new HashSet<>();
        decided.forEach(d -> {
            if (d.failure() == null) {
                read.add(d.recorded().query().uscc());
            }
        });
        Map<String, List<QueryRecord>> shown = queries.shownInReports(read);
        Map<String, ReportContents.Version> versions = contents.versions(read);
        List<Object> outcomes = new ArrayList<>(calls.size());
        List<ReportEvidence.NewReport> rows = new ArrayList<>();
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            ReportAccess.Decided d = decided.get(i);
            if (d.failure() != null) {
                outcomes.add(d.failure());
                continue;
            }
            Ask ask = calls.get(i).input();
            QueryRecord query = d.recorded().query();
            // the serial is the query record's: one report a query, known before the body, so the row is written once
            String number = "TX-" + DAY.format(ShanghaiDates.dateOf(ask.issuedAt())) + "-" + ask.uscc() + "-"
                    + sixDigits(query.id());
            CreditReport.Body body = body(number, ask.issuedAt(),
                    d.enterprise() != null ? d.enterprise() : directory.enterprise(ask.uscc()), query.purpose(),
                    ask.actor(), upTo(query.id(), shown.get(query.uscc())),
                    java.util.Optional.ofNullable(versions.get(query.uscc())));
            ReportJson json = new ReportJson(body, expectedSize(body));
            byte[] hash = json.bodySha256();
            rows.add(new ReportEvidence.NewReport(number, ask.uscc(), ask.issuedAt(), query.id(), hash,
                    ask.actor().username()));
            Written w = new Written(body, json, hash, OfflineVerifier.reportLeafData(number, ask.uscc(),
                    ask.issuedAt(), hash), -1, calls.size());
            written.add(w);
            outcomes.add(w);
        }
        List<Long> ids = store.insertAll(rows);
        List<EvidenceLog.Item> items = new ArrayList<>(2 * ids.size());
        for (int k = 0, i = 0; i < calls.size(); i++) {
            if (decided.get(i).failure() == null) {
                items.add(decided.get(i).recorded().leaf());
                items.add(new EvidenceLog.Item(ReportEvidence.KIND, ReportEvidence.ref(ids.get(k)),
                        written.get(k).leafData()));
                k++;
            }
        }
        List<Long> entries = evidence.appendItems(items);
        for (int k = 0, i = 0; i < calls.size(); i++) {
            if (outcomes.get(i) instanceof Written w) {
                outcomes.set(i, new Written(w.body(), w.json(), w.hash(), w.leafData(), entries.get(2 * k + 1),
                        w.batchSize()));
                k++;
            }
        }
        return outcomes;
    }

    /**
     * The records up to a read's own, the newest first: a batch that reads an enterprise twice
     * holds both its records, and the first report lists only what came before it and itself.
     * By id, not by place in the list: the list is in order of time, and reads asked at once are
     * numbered in the order the batch takes them, not always the order their clocks gave.
     */
    private static List<QueryRecord> upTo(long queryId, List<QueryRecord> newestFirst) {
        return newestFirst.stream().anyMatch(q -> q.id() > queryId)
                ? newestFirst.stream().filter(q -> q.id() <= queryId).toList() : newestFirst;
    }

    /** At least six digits, zero-padded: String.format parsed its pattern on every report (2 % of issuing one). */
    static String sixDigits(long id) {
        String digits = Long.toString(id);
        return digits.length() >= 6 ? digits : "000000".substring(digits.length()) + digits;
    }

    /**
     * A generous guess at a JSON report's size: a query record's text is some 300 bytes, and the rest
     * of a demo report 14-36 KB with its evidence.
     */
    private static int expectedSize(CreditReport.Body body) {
        return 48 * 1024 + 400 * body.queryRecords().size();
    }

    CreditReport.Body body(String number, Instant issuedAt, Enterprise e, ReportPurpose purpose, Actor reader,
            List<QueryRecord> shown, java.util.Optional<ReportContents.Version> version) {
        String uscc = e.uscc();
        LocalDate today = ShanghaiDates.today(clock);
        ReportContent c = contents.of(e, today, version, () -> content(e, today));
        // names from the directory's reference data, which the report reads from memory
        CreditReport.Identity identity = new CreditReport.Identity(e.uscc(), e.nameZh(), e.nameEn(), e.regionCode(),
                orNull(() -> directory.region(e.regionCode()).nameZh()), e.industryCode(),
                orNull(() -> directory.industry(e.industryCode()).nameZh()), e.sizeClass() == null ? null
                        : e.sizeClass().name(), e.transitionStage() == null ? null : e.transitionStage().name(),
                e.parkCode(), e.parkCode() == null ? null : directory.parks().stream()
                        .filter(p -> p.code().equals(e.parkCode())).map(p -> p.nameZh()).findFirst().orElse(null));
        return new CreditReport.Body(number, OffsetDateTime.ofInstant(issuedAt, ShanghaiDates.ZONE).toString(),
                ShanghaiDates.ZONE.getId(), c.modelVersion(), e.synthetic(), purpose.name(), purpose.nameZh(), identity,
                c.accounts(), c.monthlyTrend(), c.structure(), c.intensity(), c.rating(), c.dataSources(), c.findings(),
                c.negativeInformation(), c.objections(), c.disputedItems(), queryTexts.of(uscc, view(reader),
                        shown.stream().map(asSeenBy(reader)).toList()));
    }

    /** What the enterprise's records show as of {@code today}, read afresh. */
    ReportContent content(Enterprise e, LocalDate today) {
        String uscc = e.uscc();
        List<io.tanxin.reporting.Objection> objected = all(page -> objections.forEnterprise(uscc, null, page,
                Page.MAX_SIZE));
        List<DisputedItem> disputed = Objections.disputedItems(objected);
        Map<String, String> marks = new HashMap<>();
        disputed.forEach(d -> marks.put(d.itemType() + ":" + d.itemRef(), d.mark().name()));

        // three years ending with the newest year that has an account, if one of the last three has
        int current = today.getYear();
        java.util.SortedMap<Integer, CarbonAccount> found = accounting.yearAccounts(e, current - 2 * YEARS + 2,
                current);
        Integer last = found.isEmpty() || found.lastKey() < current - YEARS + 1 ? null : found.lastKey();
        List<CarbonAccount> accounts = last == null ? List.of()
                : List.copyOf(found.subMap(last - YEARS + 1, last + 1).values());
        List<CreditReport.YearAccount> years = accounts.stream().map(a -> new CreditReport.YearAccount(
                Integer.parseInt(a.period()), a.monthsAccounted(), a.scope1Tco2e(), a.scope2LocationTco2e(),
                a.scope2MarketTco2e(), a.totalLocationTco2e(), a.totalMarketTco2e(), a.energyTce(),
                a.dataQualityScore())).toList();
        List<CreditReport.MonthPoint> trend = new ArrayList<>();
        for (CarbonAccount a : accounts) {
            for (CarbonAccount.MonthTotal m : a.months()) {
                trend.add(new CreditReport.MonthPoint(m.month().toString(), m.scope1Tco2e(), m.scope2LocationTco2e(),
                        m.totalLocationTco2e(), m.dataQualityScore(),
                        marks.get(ObjectionItemType.MONTH_FIGURE + ":" + m.month())));
            }
        }
        List<CreditReport.Structure> structure = new ArrayList<>();
        CarbonAccount newest = accounts.isEmpty() ? null : accounts.get(accounts.size() - 1);
        if (newest != null && newest.bySource() != null) {
            BigDecimal total = newest.totalLocationTco2e();
            for (CarbonAccount.SourceBreakdown s : newest.bySource()) {
                String c = s.category() == null ? "" : s.category();
                String scope = c.startsWith("SCOPE1") ? "SCOPE_1" : c.startsWith("SCOPE2") ? "SCOPE_2"
                        : c.startsWith("EXPORT") ? "EXPORTED" : c;
                structure.add(new CreditReport.Structure(Integer.parseInt(newest.period()), scope, s.category(),
                        s.kind(), s.code(), s.tco2eLocation(), pct(s.tco2eLocation(), total)));
            }
        }

        Rating r = null;
        try {
            r = ratings.current(uscc, null);
        } catch (RuntimeException ex) {
            // not rated yet
        }
        CreditReport.RatingPart rating = r == null ? null : new CreditReport.RatingPart(r.id(), r.year(),
                r.periodKind(), r.score(), r.label(), r.labelZh(), r.confidence(), r.capped(), r.caps(),
                r.reasons().stream().map(x -> new CreditReport.Reason(x.code(), x.textZh(), x.textEn())).toList(),
                r.hints().stream().map(x -> new CreditReport.Reason(x.code(), x.textZh(), x.textEn())).toList(),
                ratingMark(r, disputed));
        CreditReport.Intensity intensity = new CreditReport.Intensity(r == null ? null : r.year(),
                r == null ? null : r.intensity(), r == null ? null : r.industryAverage(), r == null ? null : r.kRatio(),
                r == null ? null : r.kGrade(), r == null ? null : r.carbonLevel(),
                newest == null || newest.intensities() == null ? List.of() : newest.intensities().stream()
                        .filter(i -> i.value() != null)
                        .map(i -> new CreditReport.IntensityValue(i.basis(), i.value(), i.unit())).toList());

        CreditReport.DataSources sources = new CreditReport.DataSources(facts.activitySources(uscc).stream()
                .map(s -> new CreditReport.Source(s.sourceType(), s.months(), s.firstPeriod(), s.lastPeriod())).toList(),
                newest == null ? null : newest.dataQualityScore(), newest == null ? null : Integer.parseInt(newest.period()));

        List<CreditReport.Finding> findings = facts.findings(uscc, Set.of("OPEN", "EXPLAINED"), 200).stream()
                .map(f -> new CreditReport.Finding(f.id(), f.period(), f.rule(), f.subject(), f.severity(), f.status(),
                        f.messageZh(), f.messageEn(), marks.get(ObjectionItemType.FINDING + ":" + f.id()))).toList();

        List<CreditReport.NegativeItem> negative = new ArrayList<>();
        for (EnterpriseFacts.Penalty p : facts.penaltiesOf(uscc)) {
            LocalDate end = p.endedOn() != null ? p.endedOn() : null;
            if (end == null || NegativeInformation.visible(end, today)) {
                negative.add(new CreditReport.NegativeItem("PENALTY", str(p.decidedOn()), str(p.endedOn()),
                        p.authority(), p.documentNo(), p.amountCny(), p.description(),
                        end == null ? null : str(NegativeInformation.hiddenFrom(end).minusDays(1)),
                        marks.get(ObjectionItemType.PENALTY + ":" + p.documentNo())));
            }
        }
        facts.etsComplianceOf(uscc).forEach((year, c) -> {
            LocalDate end = LocalDate.of(year, 12, 31);
            if ("NON_COMPLIANT".equals(c.compliance()) && NegativeInformation.visible(end, today)) {
                negative.add(new CreditReport.NegativeItem("ETS_NON_COMPLIANCE", null, str(end), "全国碳市场 / national ETS",
                        "ETS-" + year, null, year + " 年度未按时足额清缴配额 / allowances not surrendered for " + year,
                        str(NegativeInformation.hiddenFrom(end).minusDays(1)), null));
            }
        });

        return new ReportContent(r == null ? null : r.modelVersion(), years, trend, structure, intensity, rating,
                sources, findings, negative, objected, disputed);
    }

    /** Whose view of the query records {@link #asSeenBy} gives: a bank's own, or everything. */
    private static String view(Actor reader) {
        return seesOnlyItsOwn(reader) ? "bank:" + reader.organisationCode() : "all";
    }

    private static boolean seesOnlyItsOwn(Actor reader) {
        return (reader.has(Role.BANK_OFFICER) || reader.has(Role.BANK_ADMIN)) && !reader.has(Role.REGULATOR)
                && !reader.has(Role.AGENCY_ANALYST);
    }

    /**
     * A bank sees when, by which organisation, on what basis and for what purpose the enterprise's
     * report was read, as a credit report shows its query records; who at another organisation read
     * it, and on which consent, is that organisation's business.
     */
    private static java.util.function.UnaryOperator<QueryRecord> asSeenBy(Actor reader) {
        if (!seesOnlyItsOwn(reader)) {
            return q -> q;
        }
        return q -> reader.organisationCode() != null && reader.organisationCode().equals(q.organisationCode()) ? q
                : new QueryRecord(q.id(), q.uscc(), q.queriedAt(), null, q.organisationCode(), q.organisationName(),
                        q.basis(), q.purpose(), null);
    }

    /** Every item of a paged list: a report shows all of the enterprise's objections and queries, not a first page. */
    private static <T> List<T> all(java.util.function.IntFunction<Page<T>> pages) {
        List<T> all = new ArrayList<>();
        for (int page = 0;; page++) {
            Page<T> p = pages.apply(page);
            all.addAll(p.items());
            if (p.items().size() < p.size()) {
                return all;
            }
        }
    }

    /**
     * The mark of the rating shown: an objection names a rating by year or by id, and a re-rating
     * while it is open makes a new id for the same enterprise and period, which is still disputed.
     */
    private String ratingMark(Rating shown, List<DisputedItem> disputed) {
        for (DisputedItem d : disputed) {
            if (d.itemType() != ObjectionItemType.RATING) {
                continue;
            }
            String ref = d.itemRef();
            if (ref.equals(Long.toString(shown.id())) || ref.equals(Integer.toString(shown.year()))) {
                return d.mark().name();
            }
            if (ref.length() <= 18 && ref.chars().allMatch(Character::isDigit)) {
                Rating objected = orNull(() -> ratings.rating(Long.parseLong(ref)));
                if (objected != null && objected.uscc().equals(shown.uscc()) && objected.year() == shown.year()
                        && objected.periodKind().equals(shown.periodKind())) {
                    return d.mark().name();
                }
            }
        }
        return null;
    }

    private static BigDecimal pct(BigDecimal part, BigDecimal total) {
        if (part == null || total == null || total.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static <T> T orNull(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
