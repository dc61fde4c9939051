package io.tanxin.console;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tanxin.accounting.AccountingManagement;
import io.tanxin.accounting.EnterpriseMonthTotal;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.intake.EnterpriseFacts;
import io.tanxin.rating.AnnualFigure;
import io.tanxin.rating.Rating;
import io.tanxin.rating.RatingManagement;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the pilot's snapshot for the regulator's pages. Building it reads every enterprise, rating
 * and month (about a second on the demo province); a page must answer in well under 200 ms, so pages
 * read the last snapshot while one background rebuild runs after the data changed (events) or grew
 * old. Only the very first request waits for a build.
 */
@Service
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication // operator commands have no pages to serve
class PilotOverview {

    private static final Logger log = LoggerFactory.getLogger(PilotOverview.class);
    static final int MONTHS = 36;
    private static final Duration MAX_AGE = Duration.ofMinutes(2);

    private final DirectoryManagement directory;
    private final AccountingManagement accounting;
    private final RatingManagement ratings;
    private final EnterpriseFacts facts;
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pilot-overview");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private volatile PilotSnapshot snapshot;
    private volatile boolean stale;

    PilotOverview(DirectoryManagement directory, AccountingManagement accounting, RatingManagement ratings,
            EnterpriseFacts facts) {
        this.directory = directory;
        this.accounting = accounting;
        this.ratings = ratings;
        this.facts = facts;
    }

    PilotSnapshot current() {
        PilotSnapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = build();
                    stale = false;
                }
                return snapshot;
            }
        }
        if (stale || s.builtAt().plus(MAX_AGE).isBefore(Instant.now())) {
            rebuildInBackground();
        }
        return s;
    }

    /** Any change that a regulator's figure depends on; the listener runs after the change committed. */
    @TransactionalEventListener(fallbackExecution = true, classes = {io.tanxin.accounting.CarbonAccountsUpdated.class,
            io.tanxin.accounting.CarbonAccountsRecomputed.class, io.tanxin.accounting.CarbonAccountCalculated.class,
            io.tanxin.rating.RatingChanged.class, io.tanxin.intake.SubmissionAccepted.class,
            io.tanxin.accounting.DataQualityAssessed.class})
    void dataChanged() {
        stale = true;
    }

    /** The first regulator of the day should not wait for the build. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmUp() {
        rebuildInBackground();
    }

    private void rebuildInBackground() {
        if (rebuilding.compareAndSet(false, true)) {
            stale = false;
            rebuilder.execute(() -> {
                try {
                    snapshot = build();
                } catch (RuntimeException e) {
                    stale = true;
                    log.warn("pilot overview: rebuild failed, keeping the previous snapshot", e);
                } finally {
                    rebuilding.set(false);
                }
            });
        }
    }

    PilotSnapshot build() {
        long start = System.nanoTime();
        List<Enterprise> enterprises = directory.allEnterprises();
        Map<String, String> cityNames = new HashMap<>();
        directory.regions().stream().filter(r -> r.code().endsWith("00") && !r.code().endsWith("0000"))
                .forEach(r -> cityNames.put(r.code(), r.nameZh()));
        Map<String, String> industryNames = new HashMap<>();
        directory.industries().forEach(i -> industryNames.put(i.code(), i.nameZh()));

        Map<String, Map<Integer, double[]>> figures = new HashMap<>();
        int year = 0;
        for (AnnualFigure f : ratings.annualFigures()) {
            figures.computeIfAbsent(f.uscc(), k -> new HashMap<>()).put(f.year(),
                    new double[] {value(f.tco2e()), value(f.valueAdded())});
        }
        YearMonth latest = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        List<EnterpriseMonthTotal> totals = accounting.monthTotals(latest.minusMonths(MONTHS * 3L), latest);
        YearMonth last = totals.stream().map(EnterpriseMonthTotal::month).max(YearMonth::compareTo).orElse(latest);
        List<YearMonth> months = new ArrayList<>(MONTHS);
        for (int i = MONTHS - 1; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        Map<YearMonth, Integer> index = new HashMap<>();
        for (int i = 0; i < months.size(); i++) {
            index.put(months.get(i), i);
        }
        Map<String, double[][]> monthly = new HashMap<>();
        for (EnterpriseMonthTotal t : totals) {
            Integer i = index.get(t.month());
            if (i == null || !t.computed()) {
                continue;
            }
            double[][] m = monthly.computeIfAbsent(t.uscc(), k -> {
                double[][] fresh = new double[2][MONTHS];
                Arrays.fill(fresh[0], Double.NaN);
                return fresh;
            });
            m[0][i] = value(t.totalLocationTco2e());
            m[1][i] = value(t.energyTce());
        }
        // the newest year with ratings: the last months may belong to a year not rated yet
        List<Rating> ofYear = List.of();
        for (int y = last.getYear(); y >= last.getYear() - 2 && ofYear.isEmpty(); y--) {
            ofYear = ratings.currentRatings(y);
            year = y;
        }
        if (ofYear.isEmpty()) {
            year = last.getYear();
        }
        Map<String, Rating> rated = new HashMap<>();
        ofYear.forEach(r -> rated.put(r.uscc(), r));
        Map<String, int[]> open = facts.openFindingCounts();
        double[][] none = new double[2][MONTHS];
        Arrays.fill(none[0], Double.NaN);
        List<PilotSnapshot.Row> rows = new ArrayList<>(enterprises.size());
        for (Enterprise e : enterprises) {
            Rating r = rated.get(e.uscc());
            double[][] m = monthly.getOrDefault(e.uscc(), none);
            int[] o = open.getOrDefault(e.uscc(), new int[2]);
            rows.add(new PilotSnapshot.Row(e.uscc(), e.nameZh(), e.regionCode().substring(0, 4) + "00", e.industryCode(), e.parkCode(),
                    r == null ? null : r.label(), r == null ? null : r.score(), m[0], m[1],
                    figures.getOrDefault(e.uscc(), Map.of()), o[0], o[1]));
        }
        PilotSnapshot built = new PilotSnapshot(Instant.now(), year, List.copyOf(months), List.copyOf(rows),
                Map.copyOf(cityNames), Map.copyOf(industryNames));
        log.info("pilot overview: {} enterprises, {} months to {}, ratings of {} built in {} ms", rows.size(), MONTHS,
                last, year, (System.nanoTime() - start) / 1_000_000);
        return built;
    }

    private static double value(BigDecimal v) {
        return v == null ? 0 : v.doubleValue();
    }

    @PreDestroy
    void stop() {
        rebuilder.shutdownNow();
    }
}
