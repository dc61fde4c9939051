package io.tanxin.intake;

import static io.tanxin.intake.IntakeFiles.FEATURED;
import static io.tanxin.intake.IntakeFiles.csv;
import static io.tanxin.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class IntakeApiTest {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long storedRows(long submissionId) {
        return jdbc.sql("SELECT COUNT(*) FROM intake_activity WHERE submission_id = ?").param(submissionId)
                .query(Long.class).single();
    }

    long runs(String uscc, String month) {
        return jdbc.sql("SELECT COUNT(*) FROM calculation_run WHERE uscc = ? AND period = ?").params(uscc, month)
                .query(Long.class).single();
    }

    @Test
    void gridElectricityInUtf8IsAcceptedAndTheAccountRecalculatesFromIt() {
        long before = runs(FEATURED, "2025-11");
        byte[] file = csv(FEATURED + ",2025-11,ELECTRICITY_PURCHASED,GRID,4321.5,MWh,\r\n", StandardCharsets.UTF_8);
        var r = Api.as(port, "provider").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY", file, CSV, "grid-nov-1");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(body.path("source").asString()).isEqualTo("POWER_GRID");
        assertThat(body.path("sha256").asString()).hasSize(64);
        assertThat(storedRows(body.path("id").asLong())).isEqualTo(1);
        assertThat(runs(FEATURED, "2025-11")).isEqualTo(before + 1);
        // the grid's figure outranks the enterprise's own for electricity
        var month = Api.as(port, "analyst").get("/api/v1/enterprises/" + FEATURED + "/activities/2025-11").json();
        assertThat(month.toString()).contains("4321.5");

        var replay = Api.as(port, "provider").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY", file, CSV, "grid-nov-1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("replayed").asBoolean()).isTrue();
        assertThat(replay.json().path("id").asLong()).isEqualTo(body.path("id").asLong());
        assertThat(runs(FEATURED, "2025-11")).isEqualTo(before + 1);

        var reused = Api.as(port, "provider").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY",
                csv(FEATURED + ",2025-11,ELECTRICITY_PURCHASED,GRID,1,MWh,\r\n", StandardCharsets.UTF_8), CSV, "grid-nov-1");
        assertProblem(reused, 422, "IDEMPOTENCY_KEY_REUSED");

        // the key is the provider's own: another user choosing it is neither refused nor told of the provider's submission
        var otherUsers = Api.as(port, "analyst").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY",
                csv(FEATURED + ",2025-11,FUEL,COKE,abc,t,\r\n", StandardCharsets.UTF_8), CSV, "grid-nov-1");
        assertProblem(otherUsers, 422, "IMPORT_REJECTED");
        assertThat(otherUsers.json().path("submissionId").asLong()).isNotEqualTo(body.path("id").asLong());
    }

    @Test
    void anIdempotencyKeyReplaysOnlyItsOwnSubmittersSubmission() {
        byte[] file = csv(FEATURED + ",2025-09,FUEL,COKE,secret-cell,t,\r\n", StandardCharsets.UTF_8);
        var analysts = Api.as(port, "analyst").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY", file, CSV,
                "shared-looking-key");
        assertProblem(analysts, 422, "IMPORT_REJECTED");
        long analystsId = analysts.json().path("submissionId").asLong();

        var analystsRetry = Api.as(port, "analyst").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY", file, CSV,
                "shared-looking-key");
        assertProblem(analystsRetry, 422, "IMPORT_REJECTED");
        assertThat(analystsRetry.json().path("submissionId").asLong()).isEqualTo(analystsId);
        // the same bytes and key as another dataset are not a retry of the first
        assertProblem(Api.as(port, "analyst").postBytes("/api/v1/intake/submissions?dataset=PENALTY&source=ECO_ENVIRONMENT",
                file, CSV, "shared-looking-key"), 422, "IDEMPOTENCY_KEY_REUSED");

        // the same bytes under the same key from someone else are that user's own new submission
        var providers = Api.as(port, "provider").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY", file, CSV,
                "shared-looking-key");
        assertProblem(providers, 422, "IMPORT_REJECTED");
        long providersId = providers.json().path("submissionId").asLong();
        assertThat(providersId).isNotEqualTo(analystsId);
        assertThat(jdbc.sql("SELECT submitted_by FROM submission WHERE id = ?").param(providersId).query(String.class)
                .single()).isEqualTo("provider");
    }

    @Test
    void gb18030FilesFromGovernmentExportsAreRead() {
        byte[] file = csv(FEATURED + ",2025-10,OUTPUT,CRUDE_STEEL,12000,t,\r\n", Charset.forName("GB18030"));
        var r = Api.as(port, "analyst").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY&source=STATISTICS",
                file, CSV, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("source").asString()).isEqualTo("STATISTICS");
    }

    @Test
    void xlsxIsReadAsAStreamAndFormulasAreRefused() throws Exception {
        byte[] good = IntakeFiles.xlsx(new Object[][] {{FEATURED, "2025-09", "FUEL", "NATURAL_GAS", 12.5, "万Nm3"}});
        var ok = Api.as(port, "enterprise").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY", good, XLSX, null);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.json().path("source").asString()).isEqualTo("SELF_REPORT");

        byte[] formula = IntakeFiles.xlsx(new Object[][] {{FEATURED, "2025-09", "FUEL", "DIESEL", "=1+2", "t"}});
        var bad = Api.as(port, "enterprise").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY", formula, XLSX, null);
        assertProblem(bad, 422, "IMPORT_REJECTED");
        assertThat(bad.json().path("errors").get(0).path("code").asString()).isEqualTo("FORMULA_NOT_ALLOWED");
        assertThat(bad.json().path("errors").get(0).path("column").asString()).isEqualTo("quantity");
        assertThat(storedRows(bad.json().path("submissionId").asLong())).isZero();
    }

    @Test
    void everyBadCellIsListedWithRowColumnValueAndReasonAndNothingIsStored() {
        String body = FEATURED + ",2025-08,FUEL,BITUMINOUS,abc,t,\r\n"
                + FEATURED + ",2025-08,FUEL,ANTHRACITE,-5,t,\r\n"
                + FEATURED + ",2025-08,FUEL,DIESEL,5E14,t,\r\n"
                + FEATURED + ",2025-08,FUEL,COKE,10,t,\r\n"
                + FEATURED + ",2025-08,FUEL,COKE,10,t,\r\n"
                + FEATURED + ",2025-08,ELECTRICITY_PURCHASED,GRID,10,t,\r\n"
                + "91140300MA0TX20250,2025-08,FUEL,COKE,1,t,\r\n"
                + FEATURED + ",2025-13,FUEL,LPG,1,t,\r\n"
                + FEATURED + ",2025-08,FUEL,LPG,=HYPERLINK(\"x\"),t,\r\n";
        var r = Api.as(port, "analyst").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY",
                csv(body, StandardCharsets.UTF_8), CSV, "hostile-cells");
        assertProblem(r, 422, "IMPORT_REJECTED");
        JsonNode errors = r.json().path("errors");
        assertThat(r.json().path("errorCount").asInt()).isEqualTo(8);
        assertThat(errors.toString()).contains("NOT_A_NUMBER", "NEGATIVE_VALUE", "ABSURD_VALUE", "DUPLICATE_ROW",
                "UNIT_NOT_CONVERTIBLE", "INVALID_USCC", "INVALID_MONTH", "FORMULA_NOT_ALLOWED");
        JsonNode first = errors.get(0);
        assertThat(first.path("row").asInt()).isEqualTo(1);
        assertThat(first.path("column").asString()).isEqualTo("quantity");
        assertThat(first.path("value").asString()).isEqualTo("abc");
        assertThat(first.path("messageZh").asString()).isNotBlank();
        assertThat(first.path("messageEn").asString()).isNotBlank();
        long id = r.json().path("submissionId").asLong();
        assertThat(storedRows(id)).isZero();
        var raw = Api.as(port, "analyst").get("/api/v1/intake/submissions/" + id + "/raw");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.body()).contains("abc").contains("HYPERLINK");
    }

    @Test
    void wholeFileProblemsAreRefusedClearly() throws Exception {
        Api analyst = Api.as(port, "analyst");
        byte[] utf16 = csv(FEATURED + ",2025-08,FUEL,COKE,10,t,\r\n", StandardCharsets.UTF_16LE);
        assertProblem(analyst.postBytes("/api/v1/intake/submissions?dataset=ACTIVITY", utf16, CSV, null), 422,
                "WRONG_ENCODING");
        byte[] missing = "统一社会信用代码,月份,数量\r\n".concat(FEATURED + ",2025-08,10\r\n").getBytes(StandardCharsets.UTF_8);
        var m = analyst.postBytes("/api/v1/intake/submissions?dataset=ACTIVITY", missing, CSV, null);
        assertProblem(m, 422, "MISSING_COLUMNS");
        assertThat(m.json().path("messageZh").asString()).contains("数据类型");
        assertProblem(analyst.postBytes("/api/v1/intake/submissions?dataset=ACTIVITY", IntakeFiles.zipBomb(), XLSX, null),
                422, "ZIP_BOMB");
        // a parameter the kind does not take is refused at import, as the engine would refuse it afterwards
        var parameter = analyst.postBytes("/api/v1/intake/submissions?dataset=ACTIVITY", csv(FEATURED
                + ",2025-08,ELECTRICITY_PURCHASED,,1,MWh,ncv=1\r\n", StandardCharsets.UTF_8), CSV, null);
        assertProblem(parameter, 422, "IMPORT_REJECTED");
        assertThat(parameter.body()).contains("UNKNOWN_PARAMETER");
        var unreadable = analyst.postBytes("/api/v1/intake/submissions?dataset=ACTIVITY", "not a zip".getBytes(), XLSX, null);
        assertProblem(unreadable, 422, "UNREADABLE_XLSX");
        // what to do, in Chinese; the parser's English words only in the English message
        String parserWords = unreadable.json().path("messageEn").asString().replace("Cannot read the XLSX file: ", "");
        assertThat(parserWords).isNotBlank();
        assertThat(unreadable.json().path("messageZh").asString()).contains("另存为").doesNotContain(parserWords);
        assertProblem(analyst.postBytes("/api/v1/intake/submissions?dataset=NOPE", missing, CSV, null), 400,
                "UNKNOWN_DATASET");
    }

    @Test
    void aHundredMegabyteFileIsRefusedAndItsFirstMegabyteKept() {
        byte[] huge = new byte[100 * 1024 * 1024];
        byte[] head = IntakeFiles.HEADER.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, huge, 0, head.length);
        java.util.Arrays.fill(huge, head.length, huge.length, (byte) 'x');
        var r = Api.as(port, "analyst").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY", huge, CSV, "huge-1");
        assertProblem(r, 413, "FILE_TOO_LARGE");
        long id = r.json().path("submissionId").asLong();
        assertThat(jdbc.sql("SELECT size_bytes FROM submission WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(huge.length);
        assertThat(jdbc.sql("SELECT raw_truncated FROM submission WHERE id = ?").param(id).query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void jsonRowsPassTheSameChecks() {
        var ok = Api.as(port, "provider").post("/api/v1/intake/activity/rows", """
                {"rows":[{"uscc":"%s","month":"2025-07","kind":"ELECTRICITY_PURCHASED","code":"GRID",
                          "quantity":1500,"unit":"MWh"}]}""".formatted(FEATURED));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.json().path("channel").asString()).isEqualTo("JSON");
        var bad = Api.as(port, "provider").post("/api/v1/intake/activity/rows", """
                {"rows":[{"uscc":"%s","month":"2025-07","kind":"ELECTRICITY_PURCHASED","quantity":"lots","unit":"MWh"}]}"""
                .formatted(FEATURED));
        assertProblem(bad, 422, "IMPORT_REJECTED");
        assertProblem(Api.as(port, "provider").post("/api/v1/intake/activity/rows", "{\"rows\":"), 422, "MALFORMED_BODY");
    }

    @Test
    void submittersAreConfinedToWhatTheyMaySend() {
        byte[] other = csv("91140300MA0TX20251,2025-06,FUEL,COKE,1,t,\r\n", StandardCharsets.UTF_8);
        assertProblem(Api.as(port, "bank-a").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY", other, CSV, null),
                403, "FORBIDDEN");
        String someoneElse = Api.as(port, "analyst").get("/api/v1/enterprises?industry=4411&size=1").json()
                .path("items").get(0).path("uscc").asString();
        var foreign = Api.as(port, "enterprise").postBytes("/api/v1/intake/submissions?dataset=ACTIVITY",
                csv(someoneElse + ",2025-06,FUEL,COKE,1,t,\r\n", StandardCharsets.UTF_8), CSV, null);
        assertProblem(foreign, 422, "IMPORT_REJECTED");
        assertThat(foreign.body()).contains("FOREIGN_ENTERPRISE");
        assertProblem(Api.as(port, "provider").postBytes("/api/v1/intake/submissions?dataset=PENALTY", other, CSV, null),
                403, "SOURCE_NOT_ALLOWED");
        var submissions = Api.as(port, "enterprise").get("/api/v1/intake/submissions").json();
        for (JsonNode s : submissions) {
            assertThat(s.path("submittedBy").asString()).isEqualTo("enterprise");
        }
    }

    @Test
    void templatesHaveChineseHeaders() {
        var csvTemplate = Api.as(port, "provider").get("/api/v1/intake/templates/activity.csv");
        assertThat(csvTemplate.status()).isEqualTo(200);
        assertThat(csvTemplate.body()).contains("统一社会信用代码", "月份", "数量");
        var xlsx = Api.as(port, "provider").get("/api/v1/intake/templates/penalty.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
    }
}
