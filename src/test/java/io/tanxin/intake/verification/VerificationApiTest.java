package io.tanxin.intake.verification;

import static io.tanxin.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class VerificationApiTest {

    static final String FEATURED = "91140300MA0TX20251";
    static final String HEADER = "uscc,month,kind,code,quantity,unit,parameters\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoProvincesDisagreeingSourcesBecomeFindings() {
        JsonNode page = Api.as(port, "analyst").get("/api/v1/verification/findings?size=200").json();
        assertThat(page.path("total").asLong()).isGreaterThan(50);
        for (String rule : new String[] {"ELECTRICITY_SELF_VS_GRID", "FUEL_SELF_VS_TAX", "COMPUTED_VS_ETS"}) {
            assertThat(Api.as(port, "analyst").get("/api/v1/verification/findings?rule=" + rule).json().path("total")
                    .asLong()).as(rule).isPositive();
        }
        assertThat(page.path("items").get(0).path("severity").asString()).isEqualTo("CRITICAL");
    }

    @Test
    void aGridFigureFarFromTheSelfReportOpensAFindingAndACorrectionResolvesIt() {
        String self = jdbc.sql("SELECT quantity FROM intake_activity WHERE uscc = ? AND period = '2025-04' "
                + "AND kind = 'ELECTRICITY_PURCHASED' AND source_type = 'SELF_REPORT'").param(FEATURED)
                .query(java.math.BigDecimal.class).single().toPlainString();
        String doubled = new java.math.BigDecimal(self).multiply(java.math.BigDecimal.valueOf(2)).toPlainString();
        Api provider = Api.as(port, "provider");
        var off = provider.postBytes("/api/v1/intake/submissions?dataset=ACTIVITY",
                (HEADER + FEATURED + ",2025-04,ELECTRICITY_PURCHASED,GRID," + doubled + ",MWh,\n")
                        .getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertThat(off.status()).as(off.toString()).isEqualTo(201);
        JsonNode finding = Api.as(port, "analyst").get("/api/v1/verification/findings?uscc=" + FEATURED
                + "&rule=ELECTRICITY_SELF_VS_GRID&status=OPEN&size=50").json();
        JsonNode april = null;
        for (JsonNode f : finding.path("items")) {
            if (f.path("period").asString().equals("2025-04")) {
                april = f;
            }
        }
        assertThat(april).as("an open finding for 2025-04").isNotNull();
        assertThat(april.path("severity").asString()).isEqualTo("CRITICAL");
        // the month's data quality is one step worse while a critical finding is open
        JsonNode account = Api.as(port, "enterprise").get("/api/v1/enterprises/" + FEATURED + "/carbon-accounts/2025-04").json();
        int during = account.path("months").get(0).path("dataQualityScore").asInt();

        var fixed = provider.postBytes("/api/v1/intake/submissions?dataset=ACTIVITY",
                (HEADER + FEATURED + ",2025-04,ELECTRICITY_PURCHASED,GRID," + self + ",MWh,\n")
                        .getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertThat(fixed.status()).isEqualTo(201);
        long id = april.path("id").asLong();
        JsonNode after = Api.as(port, "analyst").get("/api/v1/verification/findings/" + id).json();
        assertThat(after.path("finding").path("status").asString()).isEqualTo("RESOLVED");
        assertThat(after.path("notes").toString()).contains("system");
        JsonNode again = Api.as(port, "enterprise").get("/api/v1/enterprises/" + FEATURED + "/carbon-accounts/2025-04").json();
        assertThat(again.path("months").get(0).path("dataQualityScore").asInt()).isEqualTo(during - 1);
        assertThat(again.path("dataQualityScore").isNumber()).isTrue();
    }

    @Test
    void analystsExplainFindingsAndEveryStepIsKept() {
        JsonNode first = Api.as(port, "analyst").get("/api/v1/verification/findings?status=OPEN&size=1").json()
                .path("items").get(0);
        long id = first.path("id").asLong();
        var explained = Api.as(port, "analyst").post("/api/v1/verification/findings/" + id + "/notes",
                "{\"note\":\"企业说明：当月新增一条生产线调试，已核实 / commissioning of a new line, confirmed\",\"status\":\"EXPLAINED\"}");
        assertThat(explained.status()).as(explained.toString()).isEqualTo(200);
        assertThat(explained.json().path("status").asString()).isEqualTo("EXPLAINED");
        JsonNode detail = Api.as(port, "regulator").get("/api/v1/verification/findings/" + id).json();
        assertThat(detail.path("notes").get(0).path("author").asString()).isEqualTo("analyst");
        assertThat(detail.path("notes").get(0).path("to").asString()).isEqualTo("EXPLAINED");
        assertProblem(Api.as(port, "verifier").post("/api/v1/verification/findings/" + id + "/notes",
                "{\"note\":\"x\",\"status\":\"RESOLVED\"}"), 403, "FORBIDDEN");
        assertProblem(Api.as(port, "analyst").post("/api/v1/verification/findings/" + id + "/notes",
                "{\"note\":\"x\",\"status\":\"GONE\"}"), 422, "INVALID_STATUS");
        assertProblem(Api.as(port, "bank-a").get("/api/v1/verification/findings"), 403, "FORBIDDEN");
        JsonNode own = Api.as(port, "enterprise").get("/api/v1/verification/findings?size=200").json();
        for (JsonNode f : own.path("items")) {
            assertThat(f.path("uscc").asString()).isEqualTo(FEATURED);
        }
    }

    @Test
    void thresholdsAreDataAnAnalystCanChange() {
        JsonNode all = Api.as(port, "analyst").get("/api/v1/verification/thresholds").json();
        assertThat(all.toString()).contains("ELECTRICITY_SELF_VS_GRID", "INTENSITY_RANGE");
        var changed = Api.as(port, "analyst").put("/api/v1/verification/thresholds/MONTH_ON_MONTH_JUMP/*",
                "{\"warnAt\":0.6,\"criticalAt\":1.2}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertProblem(Api.as(port, "analyst").put("/api/v1/verification/thresholds/MONTH_ON_MONTH_JUMP/*",
                "{\"warnAt\":0.6,\"criticalAt\":0.1}"), 422, "INVALID_THRESHOLD");
        assertProblem(Api.as(port, "provider").put("/api/v1/verification/thresholds/MONTH_ON_MONTH_JUMP/*",
                "{\"warnAt\":0.6,\"criticalAt\":1.2}"), 403, "FORBIDDEN");
        Api.as(port, "analyst").put("/api/v1/verification/thresholds/MONTH_ON_MONTH_JUMP/*",
                "{\"warnAt\":0.5,\"criticalAt\":1.0}");
    }
}
