package io.tanxin.shared.web;

import static io.tanxin.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Input that is small to send but breaks whatever writes it out or stores it: numbers with huge
 * exponents, NUL characters, texts longer than their columns. Each is refused where it enters, with a
 * problem naming it, and nothing is half-written.
 */
@IntegrationTest
class ImplausibleInputTest {

    static final String FEATURED = "91140300MA0TX20251";
    static final String HEADER = "统一社会信用代码,月份,数据类型,品种代码,数量,单位,实测参数\r\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static String calculation(String quantity, String ncv) {
        return """
                {"industryCode":"3011","regionCode":"140100","year":2024,"activities":[{"kind":"FUEL","code":"RAW_COAL",
                 "quantity":%s,"unit":"t","parameters":{"ncv":%s}}]}""".formatted(quantity, ncv);
    }

    @Test
    void numbersNoRealFigureHasAreRefusedBeforeAnythingWritesThemOut() {
        Api anyone = Api.anonymous(port);
        assertThat(anyone.post("/api/v1/accounting/calculations", calculation("100", "20")).status()).isEqualTo(200);

        long t0 = System.nanoTime();
        assertProblem(anyone.post("/api/v1/accounting/calculations", calculation("100", "1e999999999")), 422,
                "ABSURD_VALUE");
        assertProblem(anyone.post("/api/v1/accounting/calculations", calculation("1e1000000", "20")), 422,
                "ABSURD_VALUE");
        assertProblem(anyone.post("/api/v1/accounting/calculations", calculation("1e-999999999", "20")), 422,
                "TOO_PRECISE");
        // a number given as a string reaches the same check
        assertProblem(anyone.post("/api/v1/accounting/calculations", calculation("\"1e999999999\"", "20")), 422,
                "ABSURD_VALUE");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("refused at once, not after writing out digits")
                .isLessThan(5_000);

        // an activity month as well, and nothing recorded for it
        long sets = jdbc.sql("SELECT COUNT(*) FROM activity_set").query(Long.class).single();
        assertProblem(Api.as(port, "analyst").put("/api/v1/enterprises/" + FEATURED + "/activities/2025-04", """
                {"activities":[{"kind":"FUEL","code":"RAW_COAL","quantity":1,"unit":"t","parameters":{"ncv":1e30}}]}"""),
                422, "ABSURD_VALUE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activity_set").query(Long.class).single()).isEqualTo(sets);
        // a verification threshold
        assertProblem(Api.as(port, "analyst").put("/api/v1/verification/thresholds/MONTH_ON_MONTH_JUMP/3011",
                "{\"warnAt\":1e400,\"criticalAt\":1e401}"), 422, "ABSURD_VALUE");
    }

    @Test
    void aNulCharacterInAnyTextFieldIsRefusedNamingTheField() {
        var r = Api.as(port, "analyst").post("/api/v1/identity/tokens", "{\"name\":\"a\\u0000b\"}");
        assertProblem(r, 400, "CONTROL_CHARACTER");
        assertThat(r.body()).contains("name");
        assertProblem(Api.as(port, "enterprise").post("/api/v1/enterprises/" + FEATURED + "/objections",
                "{\"itemType\":\"MONTH_FIGURE\",\"itemRef\":\"2024-03\",\"reason\":\"a\\u0000b\"}"), 400,
                "CONTROL_CHARACTER");
    }

    @Test
    void anImportWithAnImplausibleParameterOrOverlongCodeIsRejectedNotLeftHalfway() {
        Api analyst = Api.as(port, "analyst");
        long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM submission").query(Long.class).single();
        var huge = analyst.postBytes("/api/v1/intake/submissions?dataset=ACTIVITY&source=STATISTICS",
                (HEADER + FEATURED + ",2025-08,FUEL,RAW_COAL,10,t,ncv=1e999999999\r\n").getBytes(StandardCharsets.UTF_8),
                "text/csv", null);
        assertProblem(huge, 422, "IMPORT_REJECTED");
        assertThat(huge.body()).contains("ABSURD_VALUE");
        // each figure plausible on its own, the product would overflow the month's stored emissions
        var product = analyst.postBytes("/api/v1/intake/submissions?dataset=ACTIVITY&source=STATISTICS",
                (HEADER + FEATURED + ",2025-08,FUEL,RAW_COAL,999999999,t,ncv=999999999999\r\n")
                        .getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertProblem(product, 422, "IMPORT_REJECTED");
        assertThat(product.body()).contains("ABSURD_VALUE");

        var longCode = analyst.postBytes("/api/v1/intake/submissions?dataset=ACTIVITY&source=STATISTICS",
                (HEADER + FEATURED + ",2025-09,ELECTRICITY_PURCHASED," + "X".repeat(10_000) + ",100,MWh,\r\n")
                        .getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertProblem(longCode, 422, "IMPORT_REJECTED");
        assertThat(longCode.body()).contains("TOO_LONG");

        var notObjects = analyst.post("/api/v1/intake/activity/rows", "{\"rows\":[1,2]}");
        assertThat(notObjects.status()).as(notObjects.toString()).isEqualTo(422);
        assertThat(notObjects.body()).contains("MALFORMED_BODY");

        var nul = analyst.post("/api/v1/intake/activity/rows", "{\"rows\":[{"
                + "\"uscc\":\"" + FEATURED + "\",\"month\":\"2025-09\",\"kind\":\"ELECTRICITY_PURCHASED\","
                + "\"code\":\"a\\u0000b\",\"quantity\":1,\"unit\":\"MWh\"}]}");
        assertThat(nul.status()).as(nul.toString()).isEqualTo(422);
        assertThat(nul.body()).contains("CONTROL_CHARACTER");

        // none of them is left RECEIVED (half-done, answered "retry")
        assertThat(jdbc.sql("SELECT COUNT(*) FROM submission WHERE status = 'RECEIVED' AND id > ?").param(before)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLongFileNameIsALabelCutToFitNotAReasonToLoseTheSubmission() {
        var r = Api.as(port, "analyst").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY&source=STATISTICS&fileName="
                + "f".repeat(600) + ".csv", (HEADER + FEATURED + ",2025-08,FUEL,RAW_COAL,abc,t,\r\n")
                        .getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertProblem(r, 422, "IMPORT_REJECTED");
        long id = r.json().path("submissionId").asLong();
        assertThat(jdbc.sql("SELECT LENGTH(file_name) FROM submission WHERE id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(255);
    }

    @Test
    void aMalformedUsccInAnEnterprisesListIsABadRequestNotAnEmptyList() {
        for (String list : new String[] {"consents", "queries", "objections"}) {
            assertProblem(Api.as(port, "analyst").get("/api/v1/enterprises/abc/" + list), 400, "INVALID_USCC");
        }
    }

    @Test
    void aParkCodeFitForTopicsAndUrlsAndThresholdsInOrder() {
        assertProblem(Api.as(port, "analyst").post("/api/v1/parks",
                "{\"code\":\"A/B+#\",\"nameZh\":\"x\",\"regionCode\":\"140300\"}"), 422, "VALIDATION_FAILED");
        assertProblem(Api.as(port, "analyst").put("/api/v1/verification/thresholds/INTENSITY_RANGE/3011",
                "{\"warnAt\":0.25,\"criticalAt\":0.5,\"lowerBound\":5,\"upperBound\":1}"), 422, "INVALID_THRESHOLD");
    }

    @Test
    void anUnknownFilterValueIsPointedOutNotAnsweredWithAnEmptyList() {
        assertProblem(Api.as(port, "analyst").get("/api/v1/verification/findings?status=FOO"), 400, "INVALID_STATUS");
        assertProblem(Api.as(port, "analyst").get("/api/v1/verification/findings?severity=FOO"), 400, "INVALID_SEVERITY");
        assertProblem(Api.as(port, "analyst").get("/api/v1/ratings/overrides?status=FOO"), 400, "INVALID_STATUS");
        assertThat(Api.as(port, "analyst").get("/api/v1/verification/findings?status=open").status()).isEqualTo(200);
    }

    @Test
    void overlongOverrideReasonsAndEndlessTokensAreRefused() {
        String uscc = jdbc.sql("SELECT uscc FROM rating WHERE period_kind = 'YEAR' ORDER BY id LIMIT 1")
                .query(String.class).single();
        long id = Api.as(port, "analyst").get("/api/v1/enterprises/" + uscc + "/ratings/current?year=2025").json()
                .path("id").asLong();
        assertProblem(Api.as(port, "analyst").post("/api/v1/ratings/" + id + "/overrides",
                "{\"kind\":\"CO_SIGN\",\"reason\":\"" + "理".repeat(2001) + "\"}"), 422, "OVERRIDE_REASON_TOO_LONG");
        assertProblem(Api.as(port, "analyst").post("/api/v1/identity/tokens",
                "{\"name\":\"forever\",\"expiresAt\":\"+999999999-12-31T23:59:59Z\"}"), 422, "TOKEN_LIFETIME_TOO_LONG");
    }
}
