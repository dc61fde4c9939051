package io.tanxin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import io.tanxin.intake.internal.SubmissionStore;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The raw bytes are stored beside the import, on a connection of their own; whatever becomes of
 * the import they are there when it answers, and a retry after a crash between the submission's row
 * and its bytes stores them once.
 */
@IntegrationTest
class RawBytesKeptTest {

    @Autowired
    IntakeManagement intake;

    @Autowired
    SubmissionStore store;

    @Autowired
    JdbcClient jdbc;

    static SubmissionRequest request(String key, byte[] file) {
        return new SubmissionRequest(Dataset.ACTIVITY, SourceType.STATISTICS, Channel.CSV, "analyst", null, key,
                "a.csv", "text/csv", file);
    }

    byte[] stored(long id) {
        return jdbc.sql("SELECT content FROM submission_raw WHERE submission_id = ?").param(id).query(byte[].class).single();
    }

    @Test
    void acceptedAndRejectedFilesAnswerOnlyOnceTheirBytesAreStored() {
        byte[] good = IntakeFiles.csv(IntakeFiles.FEATURED + ",2021-02,OUTPUT,RAW-KEPT-1,5,t,\r\n", StandardCharsets.UTF_8);
        byte[] bad = IntakeFiles.csv(IntakeFiles.FEATURED + ",2021-02,OUTPUT,RAW-KEPT-2,lots,t,\r\n", StandardCharsets.UTF_8);
        SubmissionResult accepted = intake.submit(request("raw-kept-good", good));
        SubmissionResult rejected = intake.submit(request("raw-kept-bad", bad));
        assertThat(accepted.status()).isEqualTo("ACCEPTED");
        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(stored(accepted.id())).isEqualTo(good);
        assertThat(stored(rejected.id())).isEqualTo(bad);
        assertThat(intake.raw(rejected.id())).isEqualTo(bad);
    }

    /**
     * More imports at once than the pool has connections (10): each import holds a connection until its
     * raw bytes are stored and another for the recalculation after its commit, so unbounded they waited
     * on each other until the pool's timeout and failed.
     */
    @Test
    void moreConcurrentImportsThanPooledConnectionsAllFinish() throws Exception {
        int imports = 16;
        StringBuilder rows = new StringBuilder();
        for (int p = 0; p < 500; p++) {
            rows.append(IntakeFiles.FEATURED).append(",2021-04,OUTPUT,RAW-POOL-").append(p).append(",1,t,\r\n");
        }
        byte[] file = IntakeFiles.csv(rows.toString(), StandardCharsets.UTF_8);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(imports);
        try {
            java.util.List<java.util.concurrent.Future<SubmissionResult>> results = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < imports; i++) {
                // the same rows under different keys: all but the data are the same, and all are accepted
                String key = "raw-pool-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return intake.submit(request(key, file));
                }));
            }
            start.countDown();
            for (var r : results) {
                SubmissionResult result = r.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(result.status()).isIn("ACCEPTED", "REJECTED");
                assertThat(stored(result.id())).isEqualTo(file);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryAfterACrashBeforeTheBytesWereStoredStoresThemOnceAndImports() throws Exception {
        byte[] file = IntakeFiles.csv(IntakeFiles.FEATURED + ",2021-03,OUTPUT,RAW-KEPT-3,7,t,\r\n", StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        // what a process that died right after committing the submission's row leaves behind
        long id = store.insertReceived(new SubmissionStore.NewSubmission(SourceType.STATISTICS, Channel.CSV, "ACTIVITY",
                "analyst", OffsetDateTime.now(), "raw-kept-crash", "a.csv", "text/csv", file.length, sha256, false));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM submission_raw WHERE submission_id = ?").param(id).query(Long.class)
                .single()).isZero();

        SubmissionResult retry = intake.submit(request("raw-kept-crash", file));
        assertThat(retry.id()).isEqualTo(id);
        assertThat(retry.status()).isEqualTo("ACCEPTED");
        assertThat(stored(id)).isEqualTo(file);
        assertThat(intake.submit(request("raw-kept-crash", file)).id()).isEqualTo(id);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM submission_raw WHERE submission_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(1);
    }
}
