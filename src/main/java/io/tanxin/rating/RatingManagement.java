package io.tanxin.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tanxin.accounting.AccountingManagement;
import io.tanxin.accounting.DataQualityAssessed;
import io.tanxin.accounting.MonthFigures;
import io.tanxin.accounting.RunResult;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.identity.Role;
import io.tanxin.intake.Dataset;
import io.tanxin.intake.EnterpriseFacts;
import io.tanxin.intake.SubmissionAccepted;
import io.tanxin.rating.engine.Label;
import io.tanxin.rating.engine.RatingEngine;
import io.tanxin.rating.engine.RatingInput;
import io.tanxin.rating.engine.RatingModel;
import io.tanxin.rating.engine.RatingResult;
import io.tanxin.rating.internal.ModelStore;
import io.tanxin.rating.internal.OverrideEvidence;
import io.tanxin.rating.internal.RatingEvidence;
import io.tanxin.rating.internal.RatingStore;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The rating module's API: rates enterprises by the current model from their carbon accounts
 * (accounting), penalties, ETS compliance, transition data and green power (intake) and their
 * industry and stage (directory); keeps every rating; re-rates on events; overrides with approval.
 */
@Service
public class RatingManagement {

    public static final String YEAR = "YEAR";
    public static final String ROLLING = "ROLLING_12M";
    private static final Logger log = LoggerFactory.getLogger(RatingManagement.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int HISTORY_YEARS = 4;
    /** A year (or twelve-month window) with fewer computed months is not compared in trends. */
    private static final int TREND_MIN_MONTHS = 6;

    private final AccountingManagement accounting;
    private final DirectoryManagement directory;
    private final EnterpriseFacts facts;
    private final ModelStore models;
    private final RatingStore store;
    private final RatingEvidence ratingEvidence;
    private final OverrideEvidence overrideEvidence;
    private final ApplicationEventPublisher events;
    private final ExecutorService readers = Executors.newFixedThreadPool(6, r -> {
        Thread t = new Thread(r, "rating-reader");
        t.setDaemon(true);
        return t;
    });

    RatingManagement(AccountingManagement accounting, DirectoryManagement directory, EnterpriseFacts facts,
            ModelStore models, RatingStore store, RatingEvidence ratingEvidence, OverrideEvidence overrideEvidence,
            ApplicationEventPublisher events) {
        this.accounting = accounting;
        this.directory = directory;
        this.facts = facts;
        this.models = models;
        this.store = store;
        this.ratingEvidence = ratingEvidence;
        this.overrideEvidence = overrideEvidence;
        this.events = events;
    }

    // --- events

    /** Data quality is assessed after every change of accounts: re-rate the enterprises concerned. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(DataQualityAssessed assessed) {
        Set<String> usccs = new HashSet<>();
        assessed.scores().forEach(s -> usccs.add(s.uscc()));
        if (!usccs.isEmpty()) {
            run(usccs, null, "DATA_QUALITY");
        }
    }

    /** A month recorded or recalculated on its own (not through intake): re-rate that enterprise. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(io.tanxin.accounting.CarbonAccountCalculated calculated) {
        if (directory.findEnterprise(calculated.uscc()).isPresent()) {
            run(new HashSet<>(Set.of(calculated.uscc())), null, "ACCOUNT");
        }
    }

    /** New penalties, ETS results, transition or green-power data: re-rate the enterprises they name. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(SubmissionAccepted accepted) {
        if (accepted.dataset() == Dataset.ACTIVITY) {
            return; // accounts and data quality follow, and with them the ratings
        }
        Set<String> usccs = facts.enterprisesOf(accepted.submissionId(), accepted.dataset());
        usccs.retainAll(directory.allUscc());
        if (!usccs.isEmpty()) {
            run(usccs, null, accepted.dataset().name());
        }
    }

    // --- rating

    /** Re-rates every enterprise of the province for one year (and refreshes the figures behind it). */
    @Transactional
    public Recalculation rateAll(int year) {
        return run(null, year, "RECALCULATION");
    }

    /** Re-rates every enterprise for every year with data, and the rolling twelve months. */
    @Transactional
    public Recalculation rateEverything() {
        return run(null, null, "RECALCULATION");
    }

    /** Re-rates these enterprises for every year with data and the rolling twelve months. */
    @Transactional
    public Recalculation rate(Collection<String> usccs, String cause) {
        return run(new HashSet<>(usccs), null, cause);
    }

    private Recalculation run(Set<String> only, Integer onlyYear, String cause) {
        long start = System.nanoTime();
        RatingModel model = models.current();
        Set<String> usccs = only == null ? directory.allUscc() : only;
        Map<String, Enterprise> enterprises = new HashMap<>();
        Map<String, Map<YearMonth, Agg>> months = readFigures(usccs, enterprises);

        List<RatingStore.Figure> figures = new ArrayList<>();
        months.forEach((uscc, byMonth) -> annual(byMonth).forEach((year, agg) -> figures.add(new RatingStore.Figure(uscc,
                year, enterprises.get(uscc).industryCode(), agg.tco2e, agg.va, agg.months, agg.quality()))));
        store.replaceFigures(usccs, figures);
        Map<String, Map<Integer, Double>> averages = industryAverages(store.figures());

        Map<String, List<EnterpriseFacts.Penalty>> penalties = facts.penalties(only);
        Map<String, Map<Integer, EnterpriseFacts.EtsCompliance>> ets = facts.etsCompliance(only);
        Map<String, Map<Integer, EnterpriseFacts.Transition>> transitions = facts.transitions(only);
        Map<String, Map<Integer, EnterpriseFacts.GreenPower>> green = facts.greenPower(only);
        Map<String, RatingStore.Latest> latest = store.latest(usccs);
        Map<String, List<RatingOverride>> overrides = store.approvedAll();

        List<RatingStore.NewRating> fresh = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        List<RatingChanged> changes = new ArrayList<>();
        int rated = 0;
        for (String uscc : new java.util.TreeSet<>(usccs)) {
            Enterprise e = enterprises.get(uscc);
            Map<YearMonth, Agg> byMonth = months.get(uscc);
            if (e == null || byMonth == null || byMonth.isEmpty()) {
                continue;
            }
            Map<Integer, Agg> years = annual(byMonth);
            List<Period> periods = new ArrayList<>();
            for (int year : years.keySet()) {
                if (onlyYear == null || onlyYear == year) {
                    periods.add(new Period(YEAR, year, YearMonth.of(year, 12)));
                }
            }
            if (onlyYear == null) {
                YearMonth last = byMonth.keySet().stream().max(YearMonth::compareTo).orElseThrow();
                periods.add(new Period(ROLLING, last.getYear(), last));
            }
            for (Period p : periods) {
                Agg now = window(byMonth, p.end, 0);
                if (now.intensity() == null || now.qualityMonths == 0) {
                    continue; // no account yet, or its data quality not assessed yet (the assessment re-rates)
                }
                Agg prev = window(byMonth, p.end, 1);
                Agg prev2 = window(byMonth, p.end, 2);
                Map<Integer, Double> industry = averages.getOrDefault(e.industryCode(), Map.of());
                Double avg = industry.get(p.year);
                if (avg == null) {
                    avg = industry.get(p.year - 1);
                }
                EnterpriseFacts.Transition t = transitions.getOrDefault(uscc, Map.of()).get(p.year);
                EnterpriseFacts.GreenPower g = green.getOrDefault(uscc, Map.of()).get(p.year);
                Map<Integer, EnterpriseFacts.EtsCompliance> etsYears = ets.getOrDefault(uscc, Map.of());
                boolean nonCompliant = isNonCompliant(etsYears.get(p.year)) || isNonCompliant(etsYears.get(p.year - 1));
                RatingInput input = new RatingInput(uscc, p.year, e.transitionStage().name(), now.intensity(), avg,
                        prev.months >= TREND_MIN_MONTHS ? prev.intensity() : null,
                        prev2.months >= TREND_MIN_MONTHS ? prev2.intensity() : null,
                        t == null || t.totalInvestment().signum() <= 0 ? null
                                : t.reductionInvestment().doubleValue() / t.totalInvestment().doubleValue(),
                        t == null ? null : t.progressPct().doubleValue(),
                        g == null || g.purchasedMwh().signum() <= 0 ? null
                                : Math.min(1.0, g.greenMwh().doubleValue() / g.purchasedMwh().doubleValue()),
                        penalties.getOrDefault(uscc, List.of()).stream()
                                .filter(x -> !x.decidedOn().isAfter(p.end.atEndOfMonth()))
                                .map(x -> new RatingInput.Penalty(x.decidedOn(), x.amountCny().doubleValue())).toList(),
                        nonCompliant, now.quality(), now.months);
                RatingResult r = RatingEngine.rate(input, model);
                rated++;
                RatingStore.NewRating n = toNew(r, p, e, input, model, cause);
                String hash = hash(n);
                RatingStore.Latest before = latest.get(RatingStore.key(uscc, p.kind, p.year));
                if (before != null && before.resultHash().equals(hash)) {
                    continue;
                }
                fresh.add(n);
                hashes.add(hash);
                if (before != null && YEAR.equals(p.kind)) {
                    List<RatingOverride> o = overrides.getOrDefault(RatingStore.key(uscc, p.kind, p.year), List.of());
                    String from = effective(before.label(), o);
                    String to = effective(n.label(), o);
                    if (!from.equals(to)) {
                        changes.add(new RatingChanged(uscc, p.year, from, to,
                                Label.valueOf(to).worseThan(Label.valueOf(from))));
                    }
                }
            }
        }
        ratingEvidence.recordAll(store.insertAll(fresh, hashes));
        changes.forEach(events::publishEvent);
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("rated {} enterprises ({} ratings, {} new, {} label changes) in {} ms, cause {}", usccs.size(), rated,
                fresh.size(), changes.size(), millis, cause);
        return new Recalculation(onlyYear, usccs.size(), rated, fresh.size(), changes.size(), millis);
    }

    private record Period(String kind, int year, YearMonth end) {
    }

    private static boolean isNonCompliant(EnterpriseFacts.EtsCompliance c) {
        return c != null && "NON_COMPLIANT".equals(c.compliance());
    }

    /** The label in force: an approved override whose computed label is still the computed label, else computed. */
    private static String effective(String computed, List<RatingOverride> approved) {
        for (RatingOverride o : approved) {
            if ("OVERRIDE".equals(o.kind())) {
                return o.computedLabel().equals(computed) ? o.proposedLabel() : computed;
            }
        }
        return computed;
    }

    private RatingStore.NewRating toNew(RatingResult r, Period p, Enterprise e, RatingInput input, RatingModel model,
            String cause) {
        Map<String, RatingModel.Indicator> ind = new LinkedHashMap<>();
        model.indicators().forEach(i -> ind.put(i.code(), i));
        List<Rating.IndicatorScore> scores = r.indicators().stream().map(s -> new Rating.IndicatorScore(s.code(),
                s.group(), ind.get(s.code()).nameZh(), ind.get(s.code()).nameEn(), s.value(), s.score(), s.weight(),
                s.pointsLost())).toList();
        RatingStore.Detail detail = new RatingStore.Detail(r.caps(), scores,
                r.reasons().stream().map(x -> new Rating.Reason(x.code(), x.textZh(), x.textEn(), x.pointsLost())).toList(),
                r.hints().stream().map(x -> new Rating.Hint(x.code(), x.textZh(), x.textEn())).toList(), input);
        return new RatingStore.NewRating(e.uscc(), p.kind, p.year, p.end.toString(), r.modelVersion(), e.industryCode(),
                e.regionCode(), r.stage(), r.score(), r.label().name(), r.scoreLabel().name(), r.capped(), r.confidence(),
                r.level(), r.kGrade(), r.kRatio(), r.intensity(), r.industryAverage(), detail, cause);
    }

    private String hash(RatingStore.NewRating n) {
        return io.tanxin.rating.internal.Hashes.sha256(n.modelVersion() + '|' + n.periodEnd() + '|' + n.stage() + '|'
                + n.industryCode() + '|' + n.label() + '|' + n.score() + '|' + store.detailJson(n.detail()));
    }

    // --- figures

    /** One month's location-based emissions, value-added (10^4 CNY) and data-quality score. */
    private record MonthAgg(BigDecimal tco2e, BigDecimal va, Integer quality) {
    }

    private static final class Agg {
        BigDecimal tco2e = BigDecimal.ZERO;
        BigDecimal va = BigDecimal.ZERO;
        int months;
        double qualitySum;
        int qualityMonths;

        void add(MonthAgg m) {
            tco2e = tco2e.add(m.tco2e);
            va = va.add(m.va);
            months++;
            if (m.quality != null) {
                qualitySum += m.quality;
                qualityMonths++;
            }
        }

        Double intensity() {
            return months == 0 || va.signum() <= 0 ? null
                    : tco2e.divide(va, 8, RoundingMode.HALF_UP).doubleValue();
        }

        Double quality() {
            return qualityMonths == 0 ? null : Math.round(qualitySum / qualityMonths * 1000) / 1000.0;
        }
    }

    private Map<String, Map<YearMonth, Agg>> readFigures(Set<String> usccs, Map<String, Enterprise> enterprises) {
        YearMonth to = YearMonth.now(SHANGHAI);
        List<YearMonth> window = new ArrayList<>();
        for (YearMonth m = YearMonth.of(to.getYear() - HISTORY_YEARS + 1, 1); !m.isAfter(to); m = m.plusMonths(1)) {
            window.add(m);
        }
        List<String> list = new ArrayList<>(usccs);
        List<Future<Object[]>> futures = new ArrayList<>();
        for (String uscc : list) {
            futures.add(readers.submit(() -> new Object[] {directory.findEnterprise(uscc).orElse(null),
                    accounting.figures(uscc, window)}));
        }
        Map<String, Map<YearMonth, Agg>> out = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Object[] got;
            try {
                got = futures.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("reading figures of " + list.get(i), e.getCause());
            }
            if (got[0] == null) {
                continue;
            }
            enterprises.put(list.get(i), (Enterprise) got[0]);
            @SuppressWarnings("unchecked")
            List<MonthFigures> figures = (List<MonthFigures>) got[1];
            Map<YearMonth, Agg> byMonth = new TreeMap<>();
            for (MonthFigures f : figures) {
                RunResult.Denominator va = f.denominators().get("VALUE_ADDED");
                if (!"COMPUTED".equals(f.status()) || f.totalLocationTco2e() == null || va == null
                        || va.quantity() == null || va.quantity().signum() <= 0) {
                    continue;
                }
                Agg a = new Agg();
                a.add(new MonthAgg(f.totalLocationTco2e(), va.quantity(), f.dataQualityScore()));
                byMonth.put(f.month(), a);
            }
            out.put(list.get(i), byMonth);
        }
        return out;
    }

    private static Map<Integer, Agg> annual(Map<YearMonth, Agg> byMonth) {
        Map<Integer, Agg> years = new TreeMap<>();
        byMonth.forEach((m, a) -> merge(years.computeIfAbsent(m.getYear(), y -> new Agg()), a));
        return years;
    }

    /** The twelve months ending {@code yearsBack} years before {@code end}. */
    private static Agg window(Map<YearMonth, Agg> byMonth, YearMonth end, int yearsBack) {
        Agg out = new Agg();
        YearMonth last = end.minusYears(yearsBack);
        for (YearMonth m = last.minusMonths(11); !m.isAfter(last); m = m.plusMonths(1)) {
            Agg a = byMonth.get(m);
            if (a != null) {
                merge(out, a);
            }
        }
        return out;
    }

    private static void merge(Agg into, Agg a) {
        into.tco2e = into.tco2e.add(a.tco2e);
        into.va = into.va.add(a.va);
        into.months += a.months;
        into.qualitySum += a.qualitySum;
        into.qualityMonths += a.qualityMonths;
    }

    /** Industry → year → average intensity over the province's enterprises of that industry. */
    private static Map<String, Map<Integer, Double>> industryAverages(List<RatingStore.Figure> figures) {
        Map<String, Map<Integer, double[]>> sums = new HashMap<>();
        for (RatingStore.Figure f : figures) {
            if (f.valueAdded().signum() <= 0 || f.months() < TREND_MIN_MONTHS) {
                continue;
            }
            double[] s = sums.computeIfAbsent(f.industryCode(), k -> new HashMap<>())
                    .computeIfAbsent(f.year(), k -> new double[2]);
            s[0] += f.tco2e().doubleValue() / f.valueAdded().doubleValue();
            s[1]++;
        }
        Map<String, Map<Integer, Double>> out = new HashMap<>();
        sums.forEach((industry, years) -> years.forEach((year, s) -> out
                .computeIfAbsent(industry, k -> new HashMap<>()).put(year, s[0] / s[1])));
        return out;
    }

    // --- reading

    public List<Rating> history(String uscc) {
        Map<String, List<RatingOverride>> approved = new HashMap<>();
        return store.history(uscc).stream().map(s -> toRating(s, approved.computeIfAbsent(
                RatingStore.key(s.uscc(), s.periodKind(), s.year()), k -> store.approved(s.uscc(), s.periodKind(), s.year()))))
                .toList();
    }

    /** The current rating of an enterprise for a year (the newest year when null). */
    public Rating current(String uscc, Integer year) {
        if (year == null) {
            RatingStore.WithOverrides w = store.currentOfLatestYearWithApproved(uscc, YEAR).orElseThrow(this::noRating);
            return toRating(w.rating(), w.approved());
        }
        RatingStore.Stored s = store.current(uscc, YEAR, year).orElseThrow(this::noRating);
        return toRating(s, store.approved(uscc, YEAR, s.year()));
    }

    /** The current rating over the twelve months to the newest month with an account. */
    public Optional<Rating> currentRolling(String uscc) {
        int y = store.latestYear(uscc).orElse(YearMonth.now(SHANGHAI).getYear());
        for (int year = y + 1; year >= y - 1; year--) {
            Optional<RatingStore.Stored> s = store.current(uscc, ROLLING, year);
            if (s.isPresent()) {
                return Optional.of(toRating(s.get(), store.approved(uscc, ROLLING, year)));
            }
        }
        return Optional.empty();
    }

    /** Every enterprise's current rating for a year, overrides in force applied, for province-wide views. */
    public List<Rating> currentRatings(int year) {
        Map<String, List<RatingOverride>> approved = store.approvedAll();
        return store.currentOfYear(year).stream()
                .map(s -> toRating(s, approved.getOrDefault(RatingStore.key(s.uscc(), YEAR, year), List.of()))).toList();
    }

    /** The yearly emissions and value-added behind the ratings, per enterprise and year. */
    public List<AnnualFigure> annualFigures() {
        return store.figures().stream().map(f -> new AnnualFigure(f.uscc(), f.year(), f.industryCode(), f.tco2e(),
                f.valueAdded(), f.months())).toList();
    }

    public Rating rating(long id) {
        RatingStore.Stored s = store.byId(id).orElseThrow(this::noRating);
        return toRating(s, store.approved(s.uscc(), s.periodKind(), s.year()));
    }

    private NotFoundException noRating() {
        return new NotFoundException("RATING_NOT_FOUND", "没有该企业该期间的评级", "No rating for this enterprise and period");
    }

    private static Rating toRating(RatingStore.Stored s, List<RatingOverride> approved) {
        // the newest approved override of the period stays in force while the computed label is the one it overrode
        Rating.Review override = approved.stream().filter(o -> "OVERRIDE".equals(o.kind())).findFirst()
                .filter(o -> o.computedLabel().equals(s.label())).map(RatingManagement::review).orElse(null);
        Rating.Review coSign = approved.stream().filter(o -> "CO_SIGN".equals(o.kind()) && o.ratingId() == s.id())
                .findFirst().map(RatingManagement::review).orElse(null);
        String label = override != null ? override.label() : s.label();
        return new Rating(s.id(), s.uscc(), s.periodKind(), s.year(), s.periodEnd(), s.modelVersion(), s.industryCode(),
                s.regionCode(), s.stage(), s.score(), label, Rating.labelZh(label), s.label(), s.scoreLabel(), s.capped(),
                s.detail().caps(), s.confidence(), s.carbonLevel(), s.kGrade(), s.kRatio(), s.intensity(),
                s.industryAverage(), s.detail().indicators(), s.detail().reasons(), s.detail().hints(), override, coSign,
                s.cause(), s.createdAt());
    }

    private static Rating.Review review(RatingOverride o) {
        return new Rating.Review(o.id(), o.kind(), o.proposedLabel(), o.reason(), o.proposedBy(), o.decidedBy(),
                o.decisionReason(), o.decidedAt());
    }

    // --- overrides and co-signatures

    /**
     * An AGENCY_ANALYST proposes another label (kind OVERRIDE), or a VERIFIER co-signs the computed
     * label (kind CO_SIGN); either waits for a different AGENCY_ANALYST's approval.
     */
    @Transactional
    public RatingOverride propose(long ratingId, String kind, String label, String reason) {
        Actor actor = Actors.require();
        RatingStore.Stored rating = store.byId(ratingId).orElseThrow(this::noRating);
        if (reason == null || reason.isBlank() || reason.strip().length() < 5) {
            throw new DomainException("OVERRIDE_REASON_REQUIRED", "请写明理由（至少 5 个字）",
                    "A written reason of at least 5 characters is required");
        }
        requireReasonFits(reason);
        String k = kind == null ? (actor.has(Role.VERIFIER) && !actor.has(Role.AGENCY_ANALYST) ? "CO_SIGN" : "OVERRIDE")
                : kind.toUpperCase(java.util.Locale.ROOT);
        String proposed;
        if ("OVERRIDE".equals(k)) {
            if (!actor.has(Role.AGENCY_ANALYST)) {
                throw new DomainException("OVERRIDE_ROLE", "只有评级分析师可以提出调整", "Only an agency analyst may propose an override")
                        .withStatus(403);
            }
            proposed = parseLabel(label);
            if (proposed.equals(rating.label())) {
                throw new DomainException("OVERRIDE_SAME_LABEL", "调整后的标签与模型结果相同", "The proposed label equals the computed one");
            }
        } else if ("CO_SIGN".equals(k)) {
            if (!actor.has(Role.VERIFIER) && !actor.has(Role.AGENCY_ANALYST)) {
                throw new DomainException("CO_SIGN_ROLE", "只有核查员或评级分析师可以联签", "Only a verifier or analyst may co-sign")
                        .withStatus(403);
            }
            proposed = rating.label();
        } else {
            throw new DomainException("OVERRIDE_KIND", "类型应为 OVERRIDE 或 CO_SIGN", "Kind must be OVERRIDE or CO_SIGN")
                    .withStatus(400);
        }
        long id = store.insertOverride(rating, k, proposed, reason.strip(), actor.username(), OffsetDateTime.now(SHANGHAI));
        overrideEvidence.record(id);
        return store.override(id).orElseThrow();
    }

    /** The stored reason holds 2,000 characters; a longer one failed at the insert as a 500. */
    private static void requireReasonFits(String reason) {
        if (reason != null && reason.strip().length() > 2000) {
            throw new DomainException("OVERRIDE_REASON_TOO_LONG", "理由过长（至多 2000 字）",
                    "The reason is too long (at most 2,000 characters)");
        }
    }

    /** A different AGENCY_ANALYST approves or rejects; an approved override becomes the label in force. */
    @Transactional
    public RatingOverride decide(long overrideId, boolean approve, String reason) {
        Actor actor = Actors.require();
        RatingOverride o = store.override(overrideId).orElseThrow(() -> new NotFoundException("OVERRIDE_NOT_FOUND",
                "没有该调整申请", "No such override"));
        if (!actor.has(Role.AGENCY_ANALYST)) {
            throw new DomainException("OVERRIDE_APPROVER_ROLE", "只有评级分析师可以审批", "Only an agency analyst may approve")
                    .withStatus(403);
        }
        if (actor.username().equals(o.proposedBy())) {
            throw new DomainException("OVERRIDE_SAME_PERSON", "调整须由另一名分析师审批，不能自己批准自己的申请",
                    "An override needs a second, different analyst's approval").withStatus(403);
        }
        if (!"PENDING".equals(o.status())) {
            throw new DomainException("OVERRIDE_DECIDED", "该申请已审批", "This proposal was already decided").withStatus(409);
        }
        requireReasonFits(reason);
        String before = approve && "OVERRIDE".equals(o.kind()) ? currentLabel(o) : null;
        if (!store.decide(overrideId, approve ? "APPROVED" : "REJECTED", actor.username(),
                reason == null ? null : reason.strip(), OffsetDateTime.now(SHANGHAI))) {
            throw new DomainException("OVERRIDE_DECIDED", "该申请已审批", "This proposal was already decided").withStatus(409);
        }
        overrideEvidence.record(overrideId);
        if (before != null && YEAR.equals(o.periodKind())) {
            String after = currentLabel(o);
            if (!before.equals(after)) {
                events.publishEvent(new RatingChanged(o.uscc(), o.year(), before, after,
                        Label.valueOf(after).worseThan(Label.valueOf(before))));
            }
        }
        return store.override(overrideId).orElseThrow();
    }

    private String currentLabel(RatingOverride o) {
        return store.current(o.uscc(), o.periodKind(), o.year())
                .map(s -> toRating(s, store.approved(o.uscc(), o.periodKind(), o.year())).label()).orElse(o.computedLabel());
    }

    public List<RatingOverride> overrides(String status) {
        if (status == null || status.isBlank()) {
            return store.overrides(null);
        }
        String s = status.trim().toUpperCase(java.util.Locale.ROOT);
        if (!List.of("PENDING", "APPROVED", "REJECTED").contains(s)) {
            throw new DomainException("INVALID_STATUS", "状态无效：" + status + "，可选 PENDING、APPROVED、REJECTED",
                    "Invalid status: " + status + "; expected PENDING, APPROVED or REJECTED").withStatus(400);
        }
        return store.overrides(s);
    }

    private static String parseLabel(String label) {
        try {
            return Label.valueOf(label == null ? "" : label.toUpperCase(java.util.Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new DomainException("INVALID_LABEL", "标签应为 DARK_GREEN、LIGHT_GREEN、YELLOW 或 RED",
                    "Label must be DARK_GREEN, LIGHT_GREEN, YELLOW or RED").withStatus(400);
        }
    }

    // --- review

    /** The label distribution of a year by industry and city, and the reasons that cost most often. */
    public RatingReview review(int year) {
        List<RatingStore.Stored> current = store.currentOfYear(year);
        Map<String, List<RatingOverride>> approved = store.approvedAll();
        Map<String, Integer> labels = emptyLabels();
        Map<String, int[]> byIndustryN = new TreeMap<>();
        Map<String, Map<String, Integer>> byIndustry = new TreeMap<>();
        Map<String, Map<String, Integer>> byCity = new TreeMap<>();
        Map<String, double[]> industryScore = new HashMap<>();
        Map<String, double[]> cityScore = new HashMap<>();
        Map<String, Integer> reasonCounts = new HashMap<>();
        Map<String, Rating.Reason> reasonText = new HashMap<>();
        for (RatingStore.Stored s : current) {
            String label = effective(s.label(), approved.getOrDefault(RatingStore.key(s.uscc(), YEAR, year), List.of()));
            labels.merge(label, 1, Integer::sum);
            String city = s.regionCode().substring(0, 4) + "00";
            byIndustry.computeIfAbsent(s.industryCode(), k -> emptyLabels()).merge(label, 1, Integer::sum);
            byCity.computeIfAbsent(city, k -> emptyLabels()).merge(label, 1, Integer::sum);
            add(industryScore, s.industryCode(), s.score());
            add(cityScore, city, s.score());
            byIndustryN.computeIfAbsent(s.industryCode(), k -> new int[1])[0]++;
            for (Rating.Reason r : s.detail().reasons()) {
                reasonCounts.merge(r.code(), 1, Integer::sum);
                reasonText.putIfAbsent(r.code(), r);
            }
        }
        List<RatingReview.Group> industries = new ArrayList<>();
        byIndustry.forEach((code, l) -> industries.add(new RatingReview.Group(code, name(() -> directory.industry(code).nameZh()),
                sum(l), l, avg(industryScore.get(code)))));
        List<RatingReview.Group> cities = new ArrayList<>();
        byCity.forEach((code, l) -> cities.add(new RatingReview.Group(code, name(() -> directory.region(code).nameZh()),
                sum(l), l, avg(cityScore.get(code)))));
        List<RatingReview.ReasonCount> top = reasonCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8).map(en -> {
                    Rating.Reason r = reasonText.get(en.getKey());
                    RatingModel.Indicator ind = models.current().indicators().stream()
                            .filter(i -> i.code().equals(en.getKey())).findFirst().orElse(null);
                    return new RatingReview.ReasonCount(en.getKey(), ind != null ? ind.nameZh() : r.textZh(),
                            ind != null ? ind.nameEn() : r.textEn(), en.getValue());
                }).toList();
        return new RatingReview(year, models.current().version(), current.size(), labels, industries, cities, top);
    }

    private static String name(java.util.function.Supplier<String> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Integer> emptyLabels() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Label l : Label.values()) {
            m.put(l.name(), 0);
        }
        return m;
    }

    private static void add(Map<String, double[]> m, String k, double v) {
        double[] s = m.computeIfAbsent(k, x -> new double[2]);
        s[0] += v;
        s[1]++;
    }

    private static double avg(double[] s) {
        return s == null || s[1] == 0 ? 0 : Math.round(s[0] / s[1] * 10) / 10.0;
    }

    private static int sum(Map<String, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }
}
