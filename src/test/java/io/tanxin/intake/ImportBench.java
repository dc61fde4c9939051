package io.tanxin.intake;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import io.tanxin.accounting.CarbonAccountsUpdated;
import io.tanxin.intake.importing.ImportLimits;
import io.tanxin.support.Cpu;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (a) of issue 3, not part of the test run: one CSV of 1,008,000 activity rows imported
 * end to end (parse, validate every cell, COPY, raw bytes, evidence, month composition; then the
 * accounts of the 28,800 enterprise-months it touches) against a plain COPY of the same bytes into
 * a bare table. Run with bench/import.sh.
 */
@IntegrationTest
@Import(ImportBench.Clock.class)
@EnabledIfSystemProperty(named = "tanxin.bench", matches = "true")
class ImportBench {

    @Autowired
    IntakeManagement intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    static final String[] FUELS = {"ANTHRACITE", "BITUMINOUS", "LIGNITE", "WASHED_COAL", "RAW_COAL", "COKE", "CRUDE_OIL",
            "FUEL_OIL", "DIESEL", "GASOLINE", "LPG", "TAR", "CRUDE_BENZENE"};
    static final String[] GASES = {"NATURAL_GAS", "COKE_OVEN_GAS", "BLAST_FURNACE_GAS", "CONVERTER_GAS", "OTHER_GAS"};

    @Test
    void importOneMillionRowsAgainstCopy() throws Exception {
        List<String> usccs = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc").query(String.class).list();
        StringBuilder csv = new StringBuilder("uscc,month,kind,code,quantity,unit,parameters\n");
        int rows = 0;
        for (String uscc : usccs) {
            for (int y = 2021; y <= 2022; y++) {
                for (int m = 1; m <= 12; m++) {
                    String month = y + "-" + (m < 10 ? "0" : "") + m;
                    for (String f : FUELS) {
                        csv.append(uscc).append(',').append(month).append(",FUEL,").append(f).append(",12.5,t,\n");
                    }
                    for (String g : GASES) {
                        csv.append(uscc).append(',').append(month).append(",FUEL,").append(g).append(",3.25,10^4 Nm3,\n");
                    }
                    csv.append(uscc).append(',').append(month).append(",ELECTRICITY_PURCHASED,GRID,820.5,MWh,\n");
                    csv.append(uscc).append(',').append(month).append(",HEAT_PURCHASED,STEAM,1500,GJ,\n");
                    csv.append(uscc).append(',').append(month).append(",VALUE_ADDED,VALUE_ADDED,350,10^4 CNY,\n");
                    for (int p = 0; p < 14; p++) {
                        csv.append(uscc).append(',').append(month).append(",OUTPUT,P").append(p).append(",100,t,\n");
                    }
                    rows += FUELS.length + GASES.length + 3 + 14;
                }
            }
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        System.out.printf("%nimport benchmark: %,d rows, %,d bytes; machine: %d cores, JDK %s%n", rows, bytes.length,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        intake.setLimits(new ImportLimits(256L * 1024 * 1024, 2_000_000, 10_000));
        // Warm-up: a server imports many files, and the first one after start pays for the JIT compiling
        // the path. The same rows behind one bad row are read and checked in full and their raw bytes
        // kept, then rejected, so nothing downstream starts; no row reaches the table (writing stops at
        // the first error), which leaves it as it was (a million rolled-back rows would leave free space
        // the measured COPY then fills, and dead rows for a vacuum to remove while it runs).
        String header = csv.substring(0, csv.indexOf("\n") + 1);
        byte[] warmUp = (header + "91140300MA0TX20251,2021-13,FUEL,COKE,1,t,\n" + csv.substring(header.length()))
                .getBytes(StandardCharsets.UTF_8);
        long warmStart = System.nanoTime();
        SubmissionResult warm = intake.submit(new SubmissionRequest(Dataset.ACTIVITY, SourceType.STATISTICS, Channel.CSV,
                "bench", null, "bench-warm-" + System.nanoTime(), "warm-up.csv", "text/csv", warmUp));
        System.out.printf("warm-up import of one bad row and the same rows (%s, %d error): %.2f s%n", warm.status(),
                warm.errorCount(), (System.nanoTime() - warmStart) / 1e9);

        jdbc.sql("DROP TABLE IF EXISTS bench_copy").update();
        jdbc.sql("CREATE TABLE bench_copy (uscc VARCHAR(18), period VARCHAR(7), kind VARCHAR(32), code VARCHAR(64), "
                + "quantity NUMERIC(24, 6), unit VARCHAR(16), parameters VARCHAR(1000))").update();
        jdbc.sql("DROP TABLE IF EXISTS bench_copy_indexed").update();
        jdbc.sql("CREATE TABLE bench_copy_indexed (LIKE bench_copy)").update();
        // intake_activity's index until V31_2 replaced it, kept as a reference figure
        jdbc.sql("CREATE INDEX ON bench_copy_indexed (uscc, period)").update();
        quiesce();
        long indexedStart = System.nanoTime();
        copy("bench_copy_indexed", bytes);
        double indexedSeconds = (System.nanoTime() - indexedStart) / 1e9;
        // the best of three: a warm server against the plain COPY's own best, so the ratio is never flattered
        double copySeconds = Double.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            jdbc.sql("TRUNCATE bench_copy").update();
            quiesce();
            long copyStart = System.nanoTime();
            copy("bench_copy", bytes);
            copySeconds = Math.min(copySeconds, (System.nanoTime() - copyStart) / 1e9);
        }
        quiesce();
        long jvmCpu = Cpu.processNanos();
        long pgCpu = Cpu.postgresNanos();
        long start = System.nanoTime();
        clock.start = start;
        SubmissionResult result = intake.submit(new SubmissionRequest(Dataset.ACTIVITY, SourceType.STATISTICS, Channel.CSV,
                "bench", null, "bench-" + System.nanoTime(), "bench.csv", "text/csv", bytes));
        double total = (System.nanoTime() - start) / 1e9;
        double imported = (clock.imported - start) / 1e9;
        double accounted = (clock.accounted - start) / 1e9;
        double committed = (clock.committed - start) / 1e9;
        double jvmCpuSeconds = (clock.jvmCpu - jvmCpu) / 1e9;
        double pgCpuSeconds = (clock.pgCpu - pgCpu) / 1e9;
        intake.setLimits(ImportLimits.DEFAULT);
        if (!"ACCEPTED".equals(result.status())) {
            throw new AssertionError(result.errors().stream().limit(3).toList());
        }
        System.out.printf("plain COPY into a bare table (best of 3):              %6.2f s%n", copySeconds);
        System.out.printf("plain COPY into the same shape with a (uscc, period) btree: %6.2f s%n", indexedSeconds);
        System.out.printf("Tanxin import (validated, stored, raw kept, evidence): %6.2f s  = %.2f x COPY%n", imported,
                imported / copySeconds);
        System.out.printf("  ... until committed:                                 %6.2f s  = %.2f x COPY%n", committed,
                committed / copySeconds);
        System.out.printf("  CPU until committed: this JVM %.2f s, PostgreSQL processes %.2f s (%s)%n", jvmCpuSeconds,
                pgCpuSeconds, pgCpu < 0 ? "not readable" : "from /proc");
        System.out.printf("  ... until the 28,800 touched accounts are recalculated: %6.2f s%n", accounted);
        System.out.printf("  ... until cross-verification finished:                  %6.2f s%n%n", total);
    }

    private void copy(String table, byte[] bytes) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)",
                    new java.io.ByteArrayInputStream(bytes));
        }
    }

    /**
     * Every timed step starts on a quiet database: the warm-up's rolled-back million rows and the
     * COPYs' truncated ones would otherwise be vacuumed, and their pages written out, during the
     * next step.
     */
    private void quiesce() {
        jdbc.sql("VACUUM").update();
        jdbc.sql("CHECKPOINT").update();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clock {
        volatile long start;
        volatile long imported;
        volatile long accounted;
        volatile long committed;
        volatile long jvmCpu;
        volatile long pgCpu;

        @EventListener
        void on(SubmissionAccepted e) {
            imported = System.nanoTime();
        }

        // before intake's own after-commit work (BRIN summary, month composition)
        @org.springframework.transaction.event.TransactionalEventListener
        @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
        void committed(SubmissionAccepted e) {
            committed = System.nanoTime();
            jvmCpu = Cpu.processNanos();
            pgCpu = Cpu.postgresNanos();
        }

        @EventListener
        void on(CarbonAccountsUpdated e) {
            accounted = System.nanoTime();
        }
    }
}
