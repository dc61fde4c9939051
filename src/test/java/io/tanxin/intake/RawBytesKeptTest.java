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
