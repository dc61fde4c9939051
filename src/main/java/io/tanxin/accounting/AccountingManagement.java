package io.tanxin.accounting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tanxin.accounting.engine.CalculationResult;
import io.tanxin.accounting.engine.FactorSet;
import io.tanxin.accounting.factors.FactorSets;
import io.tanxin.accounting.internal.AccountAssembler;
import io.tanxin.accounting.internal.ActivityStore;
import io.tanxin.accounting.internal.AssembledAccounts;
import io.tanxin.accounting.internal.EngineBridge;
import io.tanxin.accounting.internal.RunStore;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.directory.Industry;
import io.tanxin.directory.Region;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.NotFoundException;
import io.tanxin.shared.Period;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounting module's API: the calculator, monthly activity data, calculation runs and the
 * carbon accounts built from them.
 */
@Service
public class AccountingManagement {

    private final DirectoryManagement directory;
    private final FactorSets factorSets;
    private final ActivityStore activities;
    private final RunStore runs;
    private final EngineBridge engine;
    private final ApplicationEventPublisher events;
    private final io.tanxin.accounting.internal.QualityStore quality;
    private final io.tanxin.accounting.internal.RunEvidence runEvidence;
    private final AssembledAccounts assembled;

    AccountingManagement(DirectoryManagement directory, FactorSets factorSets, ActivityStore activities, RunStore runs,
            EngineBridge engine, ApplicationEventPublisher events, io.tanxin.accounting.internal.QualityStore quality,
            io.tanxin.accounting.internal.RunEvidence runEvidence, AssembledAccounts assembled) {
        this.directory = directory;
        this.factorSets = factorSets;
        this.activities = activities;
        this.runs = runs;
        this.engine = engine;
        this.events = events;
        this.quality = quality;
        this.runEvidence = runEvidence;
        this.assembled = assembled;
    }

    /** Computes with the newest published factors and stores nothing. */
    public Calculation calculate(String industryCode, String regionCode, int year, List<ActivityLine> lines) {
        Industry industry = directory.industry(industryCode);
        Region region = directory.region(regionCode);
        FactorSet factors = factorSets.current();
        EngineBridge.Outcome outcome = engine.calculate(industry.methodology(), region, year, lines, factors);
        CalculationResult r = outcome.result();
        RunResult result = engine.toRunResult(r);
        return new Calculation(industry.code(), regionCode, year, result.methodology(), result.scope1Tco2e(),
                result.scope1BySource(), result.scope2LocationTco2e(), result.scope2MarketTco2e(),
                result.exportedLocationTco2e(), result.exportedMarketTco2e(), result.totalLocationTco2e(),
                result.totalMarketTco2e(), result.energyTce(), "tCO2e", result.lines(), result.intensities(),
                result.notes(), result.dataQualityFlags(), factors.code(), factors.version(), EngineBridge.ENGINE_VERSION,
                outcome.inputHash());
    }

    /**
     * Records a month's activity data as a new revision and calculates it. The lines are checked by
     * the engine first, so a month that cannot be computed by its methodology's rules (unknown unit,
     * fuel, kind) is refused whole and nothing is stored. A retry with the same Idempotency-Key
     * returns the first result if it asked for the same enterprise, month, source and lines (compared
     * as stored, so 1.0 and 1.00 are the same quantity); the key used for anything else is refused
     * (IDEMPOTENCY_KEY_REUSED). A malformed request is refused for its own fault whatever its key.
     */
    @Transactional
    public RecordedActivities record(MonthlyActivities month, String submittedBy, String idempotencyKey) {
        Enterprise enterprise = directory.enterprise(month.uscc());
        Industry industry = directory.industry(enterprise.industryCode());
        Region region = directory.region(enterprise.regionCode());
        if (!engine.isImplemented(industry.methodology())) {
            // stored anyway: the data is real even if its methodology is not implemented yet
            engine.validateUnitsAndKinds(month.lines());
        } else {
            engine.calculate(industry.methodology(), region, month.month().getYear(), month.lines(), factorSets.current());
        }
        if (idempotencyKey != null) {
            Optional<Long> existing = activities.findByIdempotencyKey(submittedBy, idempotencyKey);
            if (existing.isPresent()) {
                ActivityStore.StoredSet first = activities.byId(existing.get()).orElseThrow();
                if (!first.uscc().equals(month.uscc()) || !first.month().equals(month.month())) {
                    throw new DomainException("IDEMPOTENCY_KEY_REUSED", "该 Idempotency-Key 已用于另一企业或月份的提交",
                            "This Idempotency-Key was used for another enterprise or month").withStatus(422);
                }
                if (!first.source().equals(month.source()) || !ActivityStore.sameAsStored(first.lines(), month.lines())) {
                    throw new DomainException("IDEMPOTENCY_KEY_REUSED",
                            "该 Idempotency-Key 已用于本月内容不同的提交（活动数据集 #" + first.id()
                                    + "），请为新的提交使用新的 Idempotency-Key",
                            "This Idempotency-Key was used for different data for this month (activity set #"
                                    + first.id() + "); use a new key for a new submission").withStatus(422);
                }
                return recorded(first, true);
            }
        }
        long setId = activities.insert(month, submittedBy, idempotencyKey);
        calculateAndStore(activities.byId(setId).orElseThrow(), enterprise, true);
        return recorded(activities.byId(setId).orElseThrow(), false);
    }

    /**
     * The measured parameters an activity kind takes (its names, empty for none), or empty for an
     * unknown kind: an importer refuses a row with another parameter as the engine would.
     */
    public Optional<java.util.Set<String>> parameterNames(String kind) {
        try {
            return Optional.of(io.tanxin.accounting.engine.ActivityKind.valueOf(kind.trim()
                    .toUpperCase(java.util.Locale.ROOT)).parameterNames());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Checks one activity line on its own (kind, code, unit) without calculating anything. */
    public Optional<LineProblem> checkLine(String kind, String code, String unit) {
        return io.tanxin.accounting.internal.ActivityLineRules.check(kind, code, unit, factorSets.current());
    }

    /**
     * Accepted activity data becomes new revisions of its months and new runs, once the intake
     * transaction that accepted it has committed; a month the rules refuse becomes a NOT_COMPUTABLE
     * run that says why, so nothing accepted is lost from sight.
     */
    @org.springframework.transaction.event.TransactionalEventListener
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void on(ActivityDataSubmitted submitted) {
        List<ActivityStore.StoredSet> sets = activities.insertAllNextRevisions(submitted.months(),
                "intake:" + submitted.submissionId());
        FactorSet factors = factorSets.current();
        java.util.Map<String, Enterprise> enterprises = new java.util.HashMap<>();
        List<RunStore.NewRun> batch = new ArrayList<>();
        for (ActivityStore.StoredSet set : sets) {
            Enterprise e = enterprises.computeIfAbsent(set.uscc(), directory::enterprise);
            batch.add(engine.run(set, directory.industry(e.industryCode()).methodology(),
                    directory.region(e.regionCode()), factors));
            if (batch.size() >= 2000) {
                runEvidence.record(runs.insertAll(batch));
                batch.clear();
            }
        }
        runEvidence.record(runs.insertAll(batch));
        events.publishEvent(new CarbonAccountsUpdated(submitted.submissionId(), sets.stream()
                .map(s -> new CarbonAccountsUpdated.AccountMonth(s.uscc(), s.month())).toList()));
    }

    @org.springframework.context.event.EventListener
    @Transactional
    public void on(DataQualityAssessed assessed) {
        quality.replace(assessed.scores());
    }

    /** Headline figures of an enterprise's newest runs, for cross-checks between months and sources. */
    public List<MonthFigures> figures(String uscc, List<YearMonth> months) {
        java.util.Map<YearMonth, Integer> scores = quality.scores(uscc);
        List<RunStore.StoredRun> stored = runs.latestRuns(uscc, months);
        java.util.Map<Long, RunResult> results = results(stored);
        return stored.stream().map(r -> {
            RunResult result = results.get(r.id());
            java.util.Map<String, java.math.BigDecimal> intensities = new java.util.HashMap<>();
            if (result != null) {
                result.intensities().stream().filter(i -> i.value() != null)
                        .forEach(i -> intensities.put(i.basis(), i.value()));
            }
            return new MonthFigures(r.uscc(), r.month(), r.status(), r.totalLocation(), r.energyTce(),
                    result == null ? java.util.Map.of() : result.denominators(), intensities, scores.get(r.month()));
        }).toList();
    }

    /** Bulk history for trusted loaders (demo province); accounts follow with {@link #recomputeAll()}. */
    @Transactional
    public void recordHistory(List<MonthlyActivities> months, String submittedBy) {
        activities.insertAllFirstRevisions(months, submittedBy);
    }

    public RecordedActivities activities(String uscc, YearMonth month) {
        return activities.latest(uscc, month).map(s -> recorded(s, false)).orElseThrow(() -> new NotFoundException(
                "ACTIVITIES_NOT_FOUND", "该月没有活动数据：" + month, "No activity data for " + month));
    }

    /** Calculates a month again as a new run with the current factors; the old run stays. */
    @Transactional
    public CarbonAccount.RunReference recalculate(String uscc, YearMonth month) {
        Enterprise enterprise = directory.enterprise(uscc);
        ActivityStore.StoredSet set = activities.latest(uscc, month).orElseThrow(() -> new NotFoundException(
                "ACTIVITIES_NOT_FOUND", "该月没有活动数据：" + month, "No activity data for " + month));
        long id = calculateAndStore(set, enterprise, true);
        return reference(runs.byId(id).orElseThrow());
    }

    /** Recalculates every enterprise-month from its newest activity data, storing new runs. */
    @Transactional
    public CarbonAccountsRecomputed recomputeAll() {
        long start = System.nanoTime();
        FactorSet factors = factorSets.current();
        java.util.Map<String, Enterprise> enterprises = new java.util.HashMap<>();
        List<RunStore.NewRun> batch = new ArrayList<>(2000);
        int[] counts = new int[2];
        activities.forEachLatest(set -> {
            Enterprise e = enterprises.computeIfAbsent(set.uscc(), directory::enterprise);
            RunStore.NewRun run = engine.run(set, directory.industry(e.industryCode()).methodology(),
                    directory.region(e.regionCode()), factors);
            batch.add(run);
            counts[0]++;
            if (!"COMPUTED".equals(run.status())) {
                counts[1]++;
            }
            if (batch.size() >= 2000) {
                runEvidence.record(runs.insertAll(batch));
                batch.clear();
            }
        });
        runEvidence.record(runs.insertAll(batch));
        CarbonAccountsRecomputed done = new CarbonAccountsRecomputed(counts[0], counts[1],
                (System.nanoTime() - start) / 1_000_000);
        events.publishEvent(done);
        return done;
    }

    public CarbonAccount account(String uscc, Period period) {
        Enterprise enterprise = directory.enterprise(uscc);
        return account(enterprise, period, runs.latestRuns(uscc, period.months()), quality.scores(uscc));
    }

    /**
     * The yearly accounts of {@code from} to {@code to} that exist and can be computed, by year, read
     * with one query for the runs of all the years: a credit report shows three years and looks back
     * for the newest one.
     */
    public java.util.SortedMap<Integer, CarbonAccount> yearAccounts(String uscc, int from, int to) {
        return yearAccounts(directory.enterprise(uscc), from, to);
    }

    /**
     * The same, for a caller that has just read the enterprise. Reads which runs are the newest first
     * and the runs themselves only for a year whose assembled account is not cached.
     */
    public java.util.SortedMap<Integer, CarbonAccount> yearAccounts(Enterprise enterprise, int from, int to) {
        String uscc = enterprise.uscc();
        // the months' quality scores come with the run keys: the only scores an account of these years reads
        java.util.Map<YearMonth, Integer> scores = new java.util.HashMap<>();
        java.util.Map<Integer, List<RunStore.RunKey>> byYear = new java.util.HashMap<>();
        for (RunStore.RunKey k : runs.latestRunKeys(uscc, YearMonth.of(from, 1), YearMonth.of(to, 12))) {
            byYear.computeIfAbsent(k.month().getYear(), y -> new ArrayList<>()).add(k);
            if (k.qualityScore() != null) {
                scores.put(k.month(), k.qualityScore());
            }
        }
        java.util.SortedMap<Integer, CarbonAccount> accounts = new java.util.TreeMap<>();
        byYear.forEach((year, keys) -> {
            if (keys.stream().anyMatch(RunStore.RunKey::computed)) {
                List<Long> ids = keys.stream().map(RunStore.RunKey::id).toList();
                Period period = Period.parse(Integer.toString(year));
                var version = version(enterprise, ids, keys.stream().map(RunStore.RunKey::qualityScore).toList());
                accounts.put(year, assembled.get(uscc, period.toString(), version,
                        () -> assemble(enterprise, period, runs.byIdsWithoutResult(ids), scores)));
            }
        });
        return accounts;
    }

    private CarbonAccount account(Enterprise enterprise, Period period, List<RunStore.StoredRun> stored,
            java.util.Map<YearMonth, Integer> scores) {
        String uscc = enterprise.uscc();
        if (stored.isEmpty()) {
            throw new NotFoundException("ACCOUNT_NOT_FOUND", "该期间没有碳账户数据：" + period,
                    "No carbon account for period " + period);
        }
        if (stored.stream().noneMatch(r -> "COMPUTED".equals(r.status()))) {
            RunStore.StoredRun r = stored.get(0);
            throw new DomainException(r.errorCode(), "该企业所属行业的核算方法学尚未实现，无法生成碳账户（" + r.methodology() + "）",
                    "The accounting methodology of this enterprise's industry is not implemented yet ("
                            + r.methodology() + ")");
        }
        var version = version(enterprise, stored.stream().map(RunStore.StoredRun::id).toList(),
                stored.stream().map(r -> scores.get(r.month())).toList());
        return assembled.get(uscc, period.toString(), version, () -> assemble(enterprise, period, stored, scores));
    }

    /** What an account is assembled from besides its period: the month's runs, their scores, the enterprise's name. */
    private static AssembledAccounts.Version version(Enterprise enterprise, List<Long> runIds, List<Integer> scores) {
        return new AssembledAccounts.Version(runIds, scores, enterprise.nameZh(), enterprise.synthetic());
    }

    private CarbonAccount assemble(Enterprise enterprise, Period period, List<RunStore.StoredRun> stored,
            java.util.Map<YearMonth, Integer> scores) {
        java.util.Map<Long, RunResult> results = results(stored);
        List<AccountAssembler.MonthRun> monthRuns = stored.stream()
                .map(r -> new AccountAssembler.MonthRun(r, results.get(r.id())))
                .toList();
        return AccountAssembler.assemble(enterprise.uscc(), enterprise.nameZh(), enterprise.synthetic(), period,
                monthRuns, scores);
    }

    /** The parsed results of the computed runs: from the cache, and the rest in one query. */
    private java.util.Map<Long, RunResult> results(List<RunStore.StoredRun> stored) {
        java.util.Map<Long, RunResult> results = new java.util.HashMap<>();
        List<Long> missing = new java.util.ArrayList<>();
        for (RunStore.StoredRun r : stored) {
            if ("COMPUTED".equals(r.status())) {
                RunResult cached = engine.cached(r.id());
                if (cached != null) {
                    results.put(r.id(), cached);
                } else {
                    missing.add(r.id());
                }
            }
        }
        if (!missing.isEmpty()) {
            runs.results(missing).forEach((id, text) -> results.put(id, engine.read(id, text)));
        }
        return results;
    }

    /** Every enterprise's newest month totals between two months (inclusive), for province-wide views. */
    public List<EnterpriseMonthTotal> monthTotals(YearMonth from, YearMonth to) {
        return runs.latestTotals(from, to);
    }

    public List<CarbonAccount.RunReference> runs(String uscc, YearMonth month) {
        return runs.history(uscc, month).stream().map(AccountingManagement::reference).toList();
    }

    private long calculateAndStore(ActivityStore.StoredSet set, Enterprise enterprise, boolean publish) {
        RunStore.NewRun run = engine.run(set, directory.industry(enterprise.industryCode()).methodology(),
                directory.region(enterprise.regionCode()), factorSets.current());
        RunStore.StoredRun stored = runs.insertAll(List.of(run)).get(0);
        runEvidence.record(List.of(stored));
        long id = stored.id();
        if (publish) {
            events.publishEvent(new CarbonAccountCalculated(set.uscc(), set.month(), id, run.status()));
        }
        return id;
    }

    private RecordedActivities recorded(ActivityStore.StoredSet set, boolean replayed) {
        List<RunStore.StoredRun> history = runs.history(set.uscc(), set.month());
        CarbonAccount.RunReference run = history.stream().filter(r -> r.activitySetId() == set.id()).findFirst()
                .map(AccountingManagement::reference).orElse(null);
        return new RecordedActivities(set.id(), set.uscc(), set.month(), set.revision(), set.source(),
                set.submittedBy(), set.lines(), run, replayed);
    }

    private static CarbonAccount.RunReference reference(RunStore.StoredRun r) {
        return new CarbonAccount.RunReference(r.id(), r.month(), r.status(), r.errorCode(), r.inputHash(),
                r.activitySetId(), r.factorSetCode(), r.factorSetVersion(), r.engineVersion(), r.createdAt());
    }
}
