package io.tanxin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kills the database session of an import while its COPY is running, as a crash or an operator
 * would, and shows that nothing partial stays, that the raw submission survives, and that the
 * retry with the same key imports the file exactly once.
 */
@IntegrationTest
class InterruptedImportTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anImportKilledMidwayLeavesNothingPartialAndItsRetrySucceedsOnce() throws Exception {
        List<String> usccs = jdbc.sql("SELECT uscc FROM enterprise WHERE industry_code = '3841' ORDER BY uscc LIMIT 100")
                .query(String.class).list();
        StringBuilder body = new StringBuilder(IntakeFiles.HEADER);
        int rows = 0;
        for (String uscc : usccs) {
            for (int m = 1; m <= 12; m++) {
                for (int p = 0; p < 250; p++) {
                    body.append(uscc).append(",2022-").append(m < 10 ? "0" : "").append(m).append(",OUTPUT,P")
                            .append(p).append(",1,t,\r\n");
                    rows++;
                }
            }
        }
        byte[] file = body.toString().getBytes(StandardCharsets.UTF_8);
        String key = "killed-import-1";
        Api analyst = Api.as(port, "analyst");

        CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(() ->
                analyst.postBytes("/api/v1/intake/submissions?dataset=ACTIVITY&source=STATISTICS", file, "text/csv", key));
        Integer killed = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (killed == null && System.nanoTime() < deadline && !first.isDone()) {
            // this database only: other test runs on the same server import into their own databases
            killed = jdbc.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND query LIKE 'COPY intake_activity (%' AND state = 'active'")
                    .query(Integer.class).optional().orElse(null);
            if (killed != null) {
                jdbc.sql("SELECT pg_terminate_backend(?)").param(killed).query(Boolean.class).single();
            } else {
                Thread.sleep(2);
            }
        }
        assertThat(killed).as("caught the COPY while it ran").isNotNull();
        Api.Response crashed = first.get(60, TimeUnit.SECONDS);
        assertThat(crashed.status()).as(crashed.toString()).isEqualTo(503);
        assertThat(crashed.problemCode()).isEqualTo("IMPORT_INTERRUPTED");

        long id = jdbc.sql("SELECT id FROM submission WHERE idempotency_key = ?").param(key).query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM submission WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("RECEIVED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_activity WHERE submission_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT LENGTH(content) FROM submission_raw WHERE submission_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(file.length);

        Api.Response retry = analyst.postBytes("/api/v1/intake/submissions?dataset=ACTIVITY&source=STATISTICS", file,
                "text/csv", key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.json().path("id").asLong()).isEqualTo(id);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_activity WHERE submission_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(rows);

        Api.Response again = analyst.postBytes("/api/v1/intake/submissions?dataset=ACTIVITY&source=STATISTICS", file,
                "text/csv", key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_activity WHERE submission_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(rows);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM submission WHERE idempotency_key = ?").param(key)
                .query(Long.class).single()).isEqualTo(1);
    }
}
