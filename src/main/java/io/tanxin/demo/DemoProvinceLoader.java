package io.tanxin.demo;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.tanxin.accounting.AccountingManagement;
import io.tanxin.demo.generator.DemoEnterprise;
import io.tanxin.demo.generator.DemoInstitution;
import io.tanxin.demo.generator.DemoPark;
import io.tanxin.demo.generator.DemoProvinceGenerator;
import io.tanxin.demo.generator.DemoUser;
import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.directory.Institution;
import io.tanxin.directory.InstitutionType;
import io.tanxin.directory.Park;
import io.tanxin.directory.SizeClass;
import io.tanxin.directory.TransitionStage;
import io.tanxin.identity.NewUser;
import io.tanxin.identity.OrganisationKind;
import io.tanxin.identity.Role;
import io.tanxin.identity.UserManagement;
import io.tanxin.intake.IntakeManagement;
import io.tanxin.intake.Channel;
import io.tanxin.intake.Dataset;
import io.tanxin.intake.SourceType;
import io.tanxin.intake.SubmissionRequest;
import io.tanxin.intake.SubmissionResult;
import io.tanxin.accounting.MonthFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the synthetic province once, through the same intake as real data: the organisations in
 * one transaction, then each source's file as a submission under a fixed Idempotency-Key, so a start
 * that dies half-way resumes where it stopped.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(DemoProperties.class)
class DemoProvinceLoader implements ApplicationRunner {

    static final String SUBMITTER = "demo-generator";
    static final String[][] PROVIDERS = {{"provider-tax", "省税务局数据接口", "TAX_SX"},
            {"provider-stats", "省统计局数据接口", "STATS_SX"}, {"provider-eco", "省生态环境厅数据接口", "EEB_SX"},
            {"provider-park", "阳泉零碳产业园能碳平台接口", "YQ_ZCP_PLATFORM"}};
    /** The demo's reporting institutions and the source each reports as. */
    static final java.util.Map<String, SourceType> DATA_SOURCES = java.util.Map.of(
            "SGCC_SX", SourceType.POWER_GRID, "TAX_SX", SourceType.TAX, "STATS_SX", SourceType.STATISTICS,
            "EEB_SX", SourceType.ECO_ENVIRONMENT, "YQ_ZCP_PLATFORM", SourceType.PARK_PLATFORM,
            "SX_VERIFIER", SourceType.VERIFIER);
    private static final Logger log = LoggerFactory.getLogger(DemoProvinceLoader.class);

    private final DemoProperties properties;
    private final DirectoryManagement directory;
    private final UserManagement users;
    private final AccountingManagement accounting;
    private final IntakeManagement intake;
    private final DemoProvinceStatus status;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DemoProvinceLoader(DemoProperties properties, DirectoryManagement directory, UserManagement users,
            AccountingManagement accounting, IntakeManagement intake, DemoProvinceStatus status, JdbcClient jdbc, TransactionTemplate tx) {
        this.properties = properties;
        this.directory = directory;
        this.users = users;
        this.accounting = accounting;
        this.intake = intake;
        this.status = status;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            log.info("demo province switched off (TANXIN_DEMO=false)");
            return;
        }
        String state = jdbc.sql("SELECT state FROM demo_load WHERE id = 1").query(String.class).optional().orElse(null);
        if ("LOADED".equals(state)) {
            return;
        }
        if (state == null && directory.enterpriseCount() > 0) {
            log.warn("database already holds enterprises; the synthetic demo province is not mixed into real data");
            return;
        }
        long start = System.nanoTime();
        DemoProvinceGenerator generator = new DemoProvinceGenerator(properties.seed(), properties.enterprises(),
                properties.firstMonth(), properties.months());
        var province = generator.generate();
        if (state == null) {
            tx.executeWithoutResult(s -> registerOrganisations(province));
        }
        // each submission commits on its own under a fixed key, so a start that dies half-way resumes here
        intake.inBulk(() -> submitData(generator, province));
        // A bulk load leaves the planner with the estimates of empty tables until autovacuum analyzes them
        // (never, where it is switched off): a credit report's findings query then went through the index
        // of every open finding in the province, 0.23 instead of 0.05 ms. H2 knows the statement too.
        jdbc.sql("ANALYZE").update();
        jdbc.sql("UPDATE demo_load SET state = 'LOADED', loaded_at = CURRENT_TIMESTAMP WHERE id = 1").update();
        status.forget();
        log.info("demo province loaded through intake and accounted in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private void registerOrganisations(io.tanxin.demo.generator.DemoProvince province) {
        for (DemoInstitution i : province.institutions()) {
            directory.registerInstitution(new Institution(i.code(), i.nameZh(), i.nameEn(),
                    InstitutionType.valueOf(i.type().name()), null, true));
        }
        for (DemoPark p : province.parks()) {
            directory.registerPark(new Park(p.code(), p.nameZh(), p.nameEn(), p.regionCode(), true));
        }
        List<Enterprise> enterprises = new ArrayList<>(province.enterprises().size());
        for (DemoEnterprise e : province.enterprises()) {
            enterprises.add(new Enterprise(e.uscc(), e.nameZh(), e.nameEn(), e.regionCode(), e.industryCode(),
                    SizeClass.valueOf(e.sizeClass().name()), TransitionStage.valueOf(e.transitionStage().name()),
                    e.parkCode(), true, null, null, 0));
        }
        directory.registerAll(enterprises);
        for (DemoUser u : province.users()) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            u.roles().forEach(r -> roles.add(Role.valueOf(r)));
            users.createUser(new NewUser(u.username(), properties.password(), u.displayNameZh(), roles,
                    OrganisationKind.valueOf(u.organisationKind().name()), u.organisationCode(), true));
        }
        for (var source : DATA_SOURCES.entrySet()) {
            intake.registerSource(source.getKey(), source.getValue());
        }
        // one more user per reporting institution, so every source can be tried by hand
        for (String[] p : PROVIDERS) {
            users.createUser(new NewUser(p[0], properties.password(), p[1], Set.of(Role.DATA_PROVIDER),
                    OrganisationKind.INSTITUTION, p[2], true));
        }
        jdbc.sql("INSERT INTO demo_load (id, seed, enterprises, state) VALUES (1, ?, ?, 'LOADING')")
                .params(properties.seed(), enterprises.size()).update();
    }

    private void submitData(DemoProvinceGenerator generator, io.tanxin.demo.generator.DemoProvince province) {
        DemoSubmissions files = new DemoSubmissions(properties.seed());
        generator.forEachActivity(files::accept);
        String key = "demo:" + properties.seed() + ":";
        submit(key + "self-report", Dataset.ACTIVITY, SourceType.SELF_REPORT, files.selfReport);
        submit(key + "grid", Dataset.ACTIVITY, SourceType.POWER_GRID, files.grid);
        submit(key + "tax", Dataset.ACTIVITY, SourceType.TAX, files.tax);
        submit(key + "statistics", Dataset.ACTIVITY, SourceType.STATISTICS, files.statistics);
        intake.flushBulk();
        YearMonth first = properties.firstMonth();
        YearMonth last = first.plusMonths(properties.months() - 1L);
        submit(key + "ets", Dataset.ETS_VERIFIED, SourceType.ECO_ENVIRONMENT,
                new StringBuilder(files.ets(computedEtsYears(province, first, last))));
        submit(key + "penalties", Dataset.PENALTY, SourceType.ECO_ENVIRONMENT,
                new StringBuilder(files.penalties(province.enterprises())));
        submit(key + "transition", Dataset.TRANSITION, SourceType.SELF_REPORT,
                new StringBuilder(files.transition(province.enterprises(), first.getYear(), last.getYear())));
    }

    private void submit(String key, Dataset dataset, SourceType source, StringBuilder csv) {
        if (csv.indexOf("\n") < 0 || csv.indexOf("\n") == csv.length() - 1) {
            // a small province may have nothing of a kind (no penalty among 30 enterprises); intake
            // rightly refuses a file of only a header, so there is nothing to send
            log.info("demo submission {}: no rows, not sent", key);
            return;
        }
        SubmissionResult result = intake.submit(new SubmissionRequest(dataset, source, Channel.CSV, SUBMITTER, null, key,
                key.substring(key.lastIndexOf(':') + 1) + ".csv", "text/csv",
                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (!"ACCEPTED".equals(result.status())) {
            throw new IllegalStateException("demo submission " + key + " was rejected: " + result.errors().stream()
                    .limit(5).toList());
        }
    }

    /** Full years of computed emissions of the enterprises the national ETS covers in those years. */
    private java.util.Map<String, java.util.Map<Integer, java.math.BigDecimal>> computedEtsYears(
            io.tanxin.demo.generator.DemoProvince province, YearMonth first, YearMonth last) {
        java.util.Map<String, java.util.Map<Integer, java.math.BigDecimal>> out = new java.util.TreeMap<>();
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        for (DemoEnterprise e : province.enterprises()) {
            Integer from = directory.industry(e.industryCode()).etsCoveredFrom();
            if (from == null) {
                continue;
            }
            java.util.Map<Integer, java.math.BigDecimal[]> years = new java.util.TreeMap<>();
            for (MonthFigures f : accounting.figures(e.uscc(), months)) {
                if ("COMPUTED".equals(f.status()) && f.month().getYear() >= from) {
                    java.math.BigDecimal[] y = years.computeIfAbsent(f.month().getYear(),
                            k -> new java.math.BigDecimal[] {java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO});
                    y[0] = y[0].add(f.totalLocationTco2e());
                    y[1] = y[1].add(java.math.BigDecimal.ONE);
                }
            }
            years.forEach((year, sum) -> {
                if (sum[1].intValue() == 12) {
                    out.computeIfAbsent(e.uscc(), k -> new java.util.TreeMap<>()).put(year, sum[0]);
                }
            });
        }
        return out;
    }
}
