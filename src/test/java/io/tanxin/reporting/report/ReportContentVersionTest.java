package io.tanxin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.reporting.ShanghaiDates;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A report reuses what it read for the enterprise only while the enterprise's content version is
 * unchanged; these tests hold the database to giving a new version with every change a report
 * could show, in the changing transaction.
 */
@IntegrationTest
class ReportContentVersionTest {

    static final String A = CreditReportApiTest.FEATURED;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    CreditReports reports;

    @Autowired
    ReportContents contents;

    @Autowired
    DirectoryManagement directory;

    @Test
    void everyTableAReportsContentReadsGivesANewVersionOnEveryKindOfChange() {
        Enterprise e = directory.enterprise(A);
        List<String> read = inRolledBackTransaction(() -> {
            // the connection's counts may hold its earlier transactions' not yet reported: the difference is this one's
            java.util.Map<String, Long> before = scans();
            reports.content(e, ShanghaiDates.today(java.time.Clock.systemUTC()));
            return scans().entrySet().stream().filter(s -> s.getValue() > before.getOrDefault(s.getKey(), 0L))
                    .map(java.util.Map.Entry::getKey).sorted().toList();
        });
        assertThat(read).contains("calculation_run", "rating", "rating_override", "intake_activity_month",
                "verification_finding", "penalty", "ets_verified", "submission", "reporting_objection");
        for (String table : read) {
            int kinds = jdbc.sql("SELECT COALESCE(bit_or(t.tgtype::int), 0) FROM pg_trigger t JOIN pg_class c "
                    + "ON c.oid = t.tgrelid WHERE c.relname = ? AND t.tgname LIKE '%content%' AND NOT t.tgisinternal")
                    .param(table).query(Integer.class).single();
            // a submission's rows show through penalties and ETS results: only its status changes what shows
            int expected = table.equals("submission") ? UPDATE | TRUNCATE : INSERT | UPDATE | DELETE | TRUNCATE;
            assertThat(kinds & expected).as("content version triggers on %s, of %s", table, read).isEqualTo(expected);
        }
    }

    static final int INSERT = 4;
    static final int DELETE = 8;
    static final int UPDATE = 16;
    static final int TRUNCATE = 32;

    @Test
    void aChangeGivesTheEnterpriseANewVersionInTheChangingTransactionAndNoOtherEnterpriseOne() {
        String other = jdbc.sql("SELECT MIN(uscc) FROM report_content_change WHERE uscc <> ?").param(A)
                .query(String.class).single();
        inRolledBackTransaction(() -> {
            bumps(A, other, "UPDATE calculation_run SET status = status WHERE uscc = ?", A);
            bumps(A, other, "DELETE FROM account_data_quality WHERE uscc = ?", A);
            long submission = jdbc.sql("SELECT MIN(id) FROM submission").query(Long.class).single();
            bumps(A, other, "INSERT INTO penalty (submission_id, uscc, decided_on, authority, document_no, amount_cny, "
                    + "description) VALUES (?, ?, DATE '2026-01-05', '某生态环境局', 'T-1', 1000, '测试')", submission, A);
            // the penalty shows only while its submission is accepted
            bumps(A, other, "UPDATE submission SET status = 'REJECTED' WHERE id = ?", submission);
            ReportContents.Version version = version(A);
            jdbc.sql("UPDATE submission SET processed_at = processed_at WHERE id = ?").param(submission).update();
            assertThat(version(A)).as("a submission's other columns show nowhere").isEqualTo(version);

            bumps(A, other, "INSERT INTO reporting_objection (uscc, item_type, item_ref, reason, filed_at, filed_by, "
                    + "due_date, status) VALUES (?, 'PENALTY', 'T-1', '测试异议', now(), 'enterprise', DATE '2026-12-31', "
                    + "'FILED')", A);
            long objection = jdbc.sql("SELECT MAX(id) FROM reporting_objection WHERE uscc = ?").param(A)
                    .query(Long.class).single();
            bumps(A, other, "INSERT INTO reporting_objection_step (objection_id, action, actor, occurred_at, note) "
                    + "VALUES (?, 'ACKNOWLEDGED', 'analyst', now(), '')", objection);
            return null;
        });
        inRolledBackTransaction(() -> {
            ReportContents.Version a = version(A);
            ReportContents.Version b = version(other);
            jdbc.sql("TRUNCATE rating_override").update();
            assertThat(version(A)).as("TRUNCATE names no rows: every enterprise changes").isNotEqualTo(a);
            assertThat(version(other)).isNotEqualTo(b);
            return null;
        });
    }

    @Test
    void aTransactionChangingAnEnterpriseNeverWaitsForAnotherOpenOneThatChangedItToo() {
        // one thread holding a transaction open while it runs another, as an event listener after a commit does
        TransactionTemplate inner = new TransactionTemplate(tx.getTransactionManager());
        inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        inRolledBackTransaction(() -> {
            assertThat(jdbc.sql("UPDATE calculation_run SET status = status WHERE uscc = ?").param(A).update())
                    .isPositive();
            return inner.execute(s -> {
                s.setRollbackOnly();
                jdbc.sql("SET LOCAL lock_timeout = '5s'").update();
                return assertThat(jdbc.sql("UPDATE rating SET label = label WHERE uscc = ?").param(A).update())
                        .isPositive();
            });
        });
    }

    @Test
    void foldingAnEnterprisesChangesKeepsOneRowAndGivesItANewVersionThatNoEarlierStateHad() {
        String b = jdbc.sql("SELECT MAX(uscc) FROM calculation_run WHERE uscc <> ?").param(A)
                .query(String.class).single();
        for (int i = 0; i < 12; i++) {
            jdbc.sql("UPDATE calculation_run SET status = status WHERE uscc = ?").param(b).update();
        }
        ReportContents.Version before = version(b);
        assertThat(before.changes()).isGreaterThan(8);
        assertThat((long) contents.fold()).as("rows deleted").isGreaterThanOrEqualTo(before.changes() - 1);
        ReportContents.Version after = version(b);
        assertThat(after.changes()).isEqualTo(1);
        assertThat(after.newest()).isGreaterThan(before.newest());
    }

    @Test
    void aReportReusesTheContentReadForTheVersionTheDayAndTheEnterpriseAndReadsAgainAfterAnyOfThemChanges() {
        Enterprise e = directory.enterprise(A);
        LocalDate today = ShanghaiDates.today(java.time.Clock.systemUTC());
        AtomicInteger reads = new AtomicInteger();
        java.util.function.Supplier<ReportContent> read = () -> {
            reads.incrementAndGet();
            return reports.content(e, today);
        };
        ReportContent first = contents.of(e, today, read);
        assertThat(contents.of(e, today, read)).isSameAs(first);
        assertThat(reads).hasValue(1);

        jdbc.sql("UPDATE calculation_run SET status = status WHERE uscc = ?").param(A).update();
        assertThat(contents.of(e, today, read)).isNotSameAs(first);
        assertThat(reads).hasValue(2);
        contents.of(e, today, read);
        assertThat(reads).hasValue(2);

        contents.of(e, today.plusDays(1), read);
        assertThat(reads).as("negative information and deadlines depend on the day").hasValue(3);
        Enterprise renamed = new Enterprise(e.uscc(), e.nameZh() + "（更名）", e.nameEn(), e.regionCode(),
                e.industryCode(), e.sizeClass(), e.transitionStage(), e.parkCode(), e.synthetic(), e.createdAt(),
                e.updatedAt(), e.version() + 1);
        contents.of(renamed, today.plusDays(1), read);
        assertThat(reads).as("an account names its enterprise").hasValue(4);
    }

    /** Scans of each table by this connection not yet reported to the statistics. */
    private java.util.Map<String, Long> scans() {
        java.util.Map<String, Long> scans = new java.util.HashMap<>();
        jdbc.sql("SELECT relname, seq_scan + COALESCE(idx_scan, 0) FROM pg_stat_xact_user_tables")
                .query((rs, n) -> scans.put(rs.getString(1), rs.getLong(2))).list();
        return scans;
    }

    private void bumps(String uscc, String other, String sql, Object... params) {
        ReportContents.Version before = version(uscc);
        ReportContents.Version otherBefore = version(other);
        jdbc.sql(sql).params(params).update();
        assertThat(version(uscc)).as(sql).isNotEqualTo(before);
        assertThat(version(other)).as(sql).isEqualTo(otherBefore);
    }

    private ReportContents.Version version(String uscc) {
        return contents.version(uscc).orElseThrow();
    }

    private <T> T inRolledBackTransaction(java.util.function.Supplier<T> work) {
        return tx.execute(s -> {
            s.setRollbackOnly();
            return work.get();
        });
    }
}
