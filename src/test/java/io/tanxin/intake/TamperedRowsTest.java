package io.tanxin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.tanxin.evidence.EvidenceLog;
import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Rows changed in SQL behind Tanxin's back are named by the evidence verification job. */
@IntegrationTest
class TamperedRowsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EvidenceLog evidence;

    @Test
    void anEditedCalculationRunAndAnEditedRawSubmissionAreNamed() {
        evidence.sequence();
        // a run in the log whose total halving changes: other tests' imports leave newer runs of zero
        // emissions (output only), which the edit below would leave as they were
        long run = jdbc.sql("SELECT MAX(r.id) FROM calculation_run r JOIN evidence_leaf l "
                + "ON l.record_ref = CONCAT('calculation_run:', CAST(r.id AS VARCHAR(20))) "
                + "WHERE r.status = 'COMPUTED' AND r.total_location > 0 AND l.leaf_index IS NOT NULL")
                .query(Long.class).single();
        long submission = jdbc.sql("SELECT MIN(id) FROM submission WHERE status = 'ACCEPTED'").query(Long.class).single();
        java.math.BigDecimal total = jdbc.sql("SELECT total_location FROM calculation_run WHERE id = ?").param(run)
                .query(java.math.BigDecimal.class).single();
        byte[] raw = jdbc.sql("SELECT content FROM submission_raw WHERE submission_id = ?").param(submission)
                .query(byte[].class).single();
        try {
            jdbc.sql("UPDATE calculation_run SET total_location = total_location * 0.5 WHERE id = ?").param(run).update();
            byte[] edited = raw.clone();
            edited[edited.length - 3] = (byte) '9';
            jdbc.sql("UPDATE submission_raw SET content = ? WHERE submission_id = ?").params(edited, submission).update();

            JsonNode report = Api.as(port, "analyst").post("/api/v1/evidence/verifications", "").json();
            String alerts = report.path("newAlerts").toString();
            assertThat(alerts).contains("EVIDENCE_SOURCE_MISMATCH").contains("calculation_run:" + run)
                    .contains("submission:" + submission);
            assertThat(Api.as(port, "regulator").get("/api/v1/evidence/alerts").body())
                    .contains("calculation_run:" + run);
        } finally {
            jdbc.sql("UPDATE calculation_run SET total_location = ? WHERE id = ?").params(total, run).update();
            jdbc.sql("UPDATE submission_raw SET content = ? WHERE submission_id = ?").params(raw, submission).update();
        }
    }
}
