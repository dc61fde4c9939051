package io.tanxin.intake.verification;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.tanxin.accounting.AccountingManagement;
import io.tanxin.accounting.ActivityLine;
import io.tanxin.accounting.CarbonAccountsRecomputed;
import io.tanxin.accounting.CarbonAccountsUpdated;
import io.tanxin.accounting.DataQualityAssessed;
import io.tanxin.accounting.MonthFigures;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.intake.SourceType;
import io.tanxin.intake.internal.MonthComposer;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.NotFoundException;
import io.tanxin.shared.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Cross-verification (DESIGN §5.2): whenever accounts change, the affected enterprises' sources
 * are compared and findings opened, refreshed or closed; each enterprise-month gets its
 * data-quality score. Findings an analyst explained stay explained; open findings whose cause
 * went away are resolved by the system, with a note saying so.
 */
@Service
public class CrossVerification {

    private static final Logger log = LoggerFactory.getLogger(CrossVerification.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ThreadLocal<Set<String>> DEFERRED = new ThreadLocal<>();

    private final MonthComposer reported;
    private final AccountingManagement accounting;
    private final DirectoryManagement directory;
    private final FindingStore findings;
    private final ThresholdStore thresholds;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CrossVerification(MonthComposer reported, AccountingManagement accounting, DirectoryManagement directory,
            FindingStore findings, ThresholdStore thresholds, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.reported = reported;
        this.accounting = accounting;
        this.directory = directory;
        this.findings = findings;
        this.thresholds = thresholds;
        this.jdbc = jdbc;
        this.events = events;
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void on(CarbonAccountsUpdated updated) {
        Set<String> usccs = new TreeSet<>();
        updated.months().forEach(m -> usccs.add(m.uscc()));
        verifyOrDefer(usccs);
    }

    @EventListener
    public void on(CarbonAccountsRecomputed recomputed) {
        verifyOrDefer(directory.allUscc());
    }

    /** Runs a bulk load with verification held back, then verifies every enterprise it touched once. */
    public void deferWhile(Runnable bulk) {
        Set<String> pending = new TreeSet<>();
        DEFERRED.set(pending);
        try {
            bulk.run();
        } finally {
            DEFERRED.remove();
        }
        verify(pending);
    }

    private void verifyOrDefer(Collection<String> usccs) {
        Set<String> pending = DEFERRED.get();
        if (pending != null) {
            pending.addAll(usccs);
        } else {
            verify(usccs);
        }
    }

    /** In a transaction of its own: it also runs after other transactions have committed. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void verify(Collection<String> usccs) {
        long start = System.nanoTime();
        VerificationRules rules = new VerificationRules(thresholdIndex());
        List<String> list = List.copyOf(new TreeSet<>(usccs));
        Map<MonthComposer.Key, List<MonthComposer.Reported>> data = reported.reported(list);
        Map<String, Map<Integer, BigDecimal>> ets = ets(list);
        List<DataQualityAssessed.Score> scores = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
        Map<String, Map<YearMonth, Map<SourceType, List<ActivityLine>>>> byEnterprise = new HashMap<>();
        data.forEach((key, lines) -> {
            Map<SourceType, List<ActivityLine>> bySource = byEnterprise.computeIfAbsent(key.uscc(), u -> new TreeMap<>())
                    .computeIfAbsent(key.month(), k -> new EnumMap<>(SourceType.class));
            lines.forEach(r -> bySource.computeIfAbsent(r.source(), s -> new ArrayList<>()).add(r.line()));
        });
        for (String uscc : list) {
            Map<YearMonth, Map<SourceType, List<ActivityLine>>> byMonth = byEnterprise.getOrDefault(uscc, new TreeMap<>());
            Map<YearMonth, MonthFigures> figures = new HashMap<>();
            accounting.figures(uscc, List.copyOf(byMonth.keySet())).forEach(f -> figures.put(f.month(), f));
            List<VerificationRules.MonthData> months = new ArrayList<>();
            byMonth.forEach((month, bySource) -> {
                MonthFigures f = figures.get(month);
                months.add(new VerificationRules.MonthData(month, bySource, f == null ? null : f.status(),
                        f == null ? null : f.totalLocationTco2e(), f == null ? Map.of() : f.intensities()));
            });
            String industry = directory.findEnterprise(uscc).map(e -> e.industryCode()).orElse("*");
            Map<Integer, BigDecimal> etsYears = ets.getOrDefault(uscc, Map.of());
            List<CheckResult> results = rules.check(new VerificationRules.EnterpriseData(uscc, industry, months, etsYears));
            Set<String> openCritical = sync(uscc, results, now);
            for (VerificationRules.MonthData m : months) {
                StringBuilder basis = new StringBuilder();
                boolean etsVerified = etsYears.containsKey(m.month().getYear())
                        && !openCritical.contains(Integer.toString(m.month().getYear()));
                int score = VerificationRules.quality(m, etsVerified, openCritical.contains(m.month().toString()), basis);
                scores.add(new DataQualityAssessed.Score(uscc, m.month(), score, basis.toString()));
            }
        }
        events.publishEvent(new DataQualityAssessed(scores));
        log.info("verified {} enterprises ({} enterprise-months) in {} ms", list.size(), scores.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Stores this run's results against the enterprise's findings; returns the periods with an open critical one. */
    private Set<String> sync(String uscc, List<CheckResult> results, OffsetDateTime now) {
        Map<String, Finding> existing = findings.existing(uscc);
        Set<String> seen = new HashSet<>();
        Set<String> openCritical = new LinkedHashSet<>();
        for (CheckResult r : results) {
            seen.add(r.key());
            Finding f = existing.get(r.key());
            FindingStatus status = FindingStatus.OPEN;
            if (f == null) {
                findings.insert(r, now);
            } else {
                status = f.status() == FindingStatus.RESOLVED ? FindingStatus.OPEN : f.status();
                findings.refresh(f.id(), r, status, now);
                if (f.status() == FindingStatus.RESOLVED) {
                    findings.note(f.id(), "system", FindingStatus.RESOLVED, FindingStatus.OPEN,
                            "新数据再次触发该规则 / the rule fires again on new data", now);
                }
            }
            if (r.severity() == Severity.CRITICAL && status == FindingStatus.OPEN) {
                openCritical.add(r.period());
            }
        }
        for (Finding f : existing.values()) {
            String key = f.uscc() + "|" + f.period() + "|" + f.rule() + "|" + f.subject();
            if (!seen.contains(key) && f.status() == FindingStatus.OPEN) {
                findings.setStatus(f.id(), FindingStatus.RESOLVED, now);
                findings.note(f.id(), "system", FindingStatus.OPEN, FindingStatus.RESOLVED,
                        "新数据下该规则不再触发 / the rule no longer fires on the new data", now);
            }
        }
        return openCritical;
    }

    private Map<String, Map<Integer, BigDecimal>> ets(List<String> usccs) {
        Map<String, Map<Integer, BigDecimal>> map = new HashMap<>();
        for (int i = 0; i < usccs.size(); i += 500) {
            List<String> chunk = usccs.subList(i, Math.min(usccs.size(), i + 500));
            jdbc.sql("SELECT e.uscc, e.report_year, e.verified_tco2 FROM ets_verified e JOIN submission s "
                    + "ON s.id = e.submission_id WHERE s.status = 'ACCEPTED' AND e.uscc IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ") ORDER BY e.submission_id")
                    .params(new ArrayList<Object>(chunk))
                    .query((rs, n) -> {
                        map.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getBigDecimal(3));
                        return null;
                    }).list();
        }
        return map;
    }

    private Map<String, Threshold> thresholdIndex() {
        Map<String, Threshold> index = new HashMap<>();
        thresholds.all().forEach(t -> index.put(t.rule() + "|" + t.industryCode(), t));
        return index;
    }

    public Page<Finding> findings(String uscc, String status, String severity, String rule, int page, int size) {
        return findings.search(uscc, status, severity, rule, page, size);
    }

    public Finding finding(long id) {
        return findings.byId(id).orElseThrow(() -> new NotFoundException("FINDING_NOT_FOUND", "未找到核验发现 #" + id,
                "No finding #" + id));
    }

    public List<Map<String, Object>> notes(long id) {
        finding(id);
        return findings.notes(id);
    }

    /** An analyst explains, resolves or reopens a finding; every step is kept with its author. */
    @Transactional
    public Finding annotate(long id, String author, String note, FindingStatus to) {
        Finding f = finding(id);
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw new DomainException("NOTE_REQUIRED", "请填写说明（最多 2000 字）", "A note of at most 2000 characters is required");
        }
        OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
        findings.note(id, author, f.status(), to, note.trim(), now);
        findings.setStatus(id, to, now);
        return finding(id);
    }

    public List<Threshold> thresholds() {
        return thresholds.all();
    }

    @Transactional
    public Threshold updateThreshold(Threshold t) {
        if (t.warnAt() == null || t.criticalAt() == null || t.warnAt().signum() < 0
                || t.criticalAt().compareTo(t.warnAt()) < 0) {
            throw new DomainException("INVALID_THRESHOLD", "阈值无效：需 0 ≤ 预警值 ≤ 严重值", "Invalid thresholds: 0 ≤ warn ≤ critical");
        }
        if (t.lowerBound() != null && t.upperBound() != null && t.lowerBound().compareTo(t.upperBound()) > 0) {
            throw new DomainException("INVALID_THRESHOLD", "阈值无效：下限大于上限", "Invalid thresholds: the lower bound exceeds the upper");
        }
        if (!thresholds.update(t)) {
            throw new NotFoundException("THRESHOLD_NOT_FOUND", "未找到规则阈值 " + t.rule() + "/" + t.industryCode(),
                    "No threshold " + t.rule() + "/" + t.industryCode());
        }
        return t;
    }
}
