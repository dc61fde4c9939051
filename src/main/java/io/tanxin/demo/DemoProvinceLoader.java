package io.tanxin.demo;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.tanxin.accounting.AccountingManagement;
import io.tanxin.accounting.ActivityLine;
import io.tanxin.accounting.MonthlyActivities;
import io.tanxin.demo.generator.DemoActivity;
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
import io.tanxin.intake.SourceType;
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
 * Loads the synthetic province once, in one transaction with the computation of all its accounts,
 * so that a start that fails half-way leaves an empty database and simply tries again next time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(DemoProperties.class)
class DemoProvinceLoader implements ApplicationRunner {

    static final String SUBMITTER = "demo-generator";
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
        if (jdbc.sql("SELECT COUNT(*) FROM demo_load").query(Long.class).single() > 0) {
            return;
        }
        if (directory.enterpriseCount() > 0) {
            log.warn("database already holds enterprises; the synthetic demo province is not mixed into real data");
            return;
        }
        long start = System.nanoTime();
        tx.executeWithoutResult(s -> load());
        status.forget();
        log.info("demo province loaded and accounted in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private void load() {
        DemoProvinceGenerator generator = new DemoProvinceGenerator(properties.seed(), properties.enterprises(),
                properties.firstMonth(), properties.months());
        var province = generator.generate();
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
        MonthBatcher batcher = new MonthBatcher();
        generator.forEachActivity(batcher::accept);
        batcher.flush();
        jdbc.sql("INSERT INTO demo_load (id, seed, enterprises) VALUES (1, ?, ?)")
                .params(properties.seed(), enterprises.size()).update();
        accounting.recomputeAll();
    }

    /** Groups the generator's stream (enterprise by enterprise, month by month) into monthly sets. */
    private final class MonthBatcher {

        private final List<MonthlyActivities> batch = new ArrayList<>();
        private String uscc;
        private YearMonth month;
        private List<ActivityLine> lines = new ArrayList<>();

        void accept(DemoActivity a) {
            if (!a.uscc().equals(uscc) || !a.period().equals(month)) {
                close();
                uscc = a.uscc();
                month = a.period();
            }
            lines.add(new ActivityLine(a.kind().name(), a.code(), a.quantity(), a.unit(), a.parameters()));
        }

        private void close() {
            if (uscc != null && !lines.isEmpty()) {
                batch.add(new MonthlyActivities(uscc, month, "SELF_REPORT", lines));
                lines = new ArrayList<>();
                if (batch.size() >= 2000) {
                    flush();
                }
            }
        }

        void flush() {
            close();
            if (!batch.isEmpty()) {
                accounting.recordHistory(List.copyOf(batch), SUBMITTER);
                batch.clear();
            }
        }
    }
}
