package io.tanxin.accounting;

import static io.tanxin.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CarbonAccountApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String own;
    String other;

    @BeforeEach
    void findEnterprises() {
        own = Api.as(port, "enterprise").get("/api/v1/identity/me").json().path("organisationCode").asString();
        // a demo power plant: other tests register enterprises of their own without history
        JsonNode page = Api.as(port, "analyst").get("/api/v1/enterprises?industry=4411&size=50").json();
        for (JsonNode e : page.path("items")) {
            if (e.path("synthetic").asBoolean() && other == null) {
                other = e.path("uscc").asString();
            }
        }
        assertThat(own).hasSize(18);
        assertThat(other).isNotEqualTo(own);
    }

    @Test
    void anEnterpriseReadsItsOwnAccountByYearQuarterAndMonthAndTheyAddUp() {
        Api me = Api.as(port, "enterprise");
        JsonNode year = ok(me.get("/api/v1/enterprises/" + own + "/carbon-accounts/2024"));
        assertThat(year.path("periodKind").asString()).isEqualTo("YEAR");
        assertThat(year.path("monthsAccounted").asInt()).isEqualTo(12);
        assertThat(year.path("synthetic").asBoolean()).isTrue();
        assertThat(year.path("runs").size()).isEqualTo(12);
        double sumOfQuarters = 0;
        for (int q = 1; q <= 4; q++) {
            JsonNode quarter = ok(me.get("/api/v1/enterprises/" + own + "/carbon-accounts/2024-Q" + q));
            double sumOfMonths = 0;
            for (int m = q * 3 - 2; m <= q * 3; m++) {
                JsonNode month = ok(me.get("/api/v1/enterprises/%s/carbon-accounts/2024-%02d".formatted(own, m)));
                sumOfMonths += month.path("totalLocationTco2e").asDouble();
                assertThat(month.path("totalLocationTco2e").asDouble()).isCloseTo(
                        month.path("scope1Tco2e").asDouble() + month.path("scope2LocationTco2e").asDouble()
                                - month.path("exportedLocationTco2e").asDouble(), within(0.0001));
            }
            assertThat(quarter.path("totalLocationTco2e").asDouble()).isCloseTo(sumOfMonths, within(0.0001));
            sumOfQuarters += quarter.path("totalLocationTco2e").asDouble();
        }
        assertThat(year.path("totalLocationTco2e").asDouble()).isCloseTo(sumOfQuarters, within(0.0001));
        assertThat(year.path("bySource").size()).isPositive();
        assertThat(year.path("intensities").toString()).contains("VALUE_ADDED");
        JsonNode run = year.path("runs").get(0);
        assertThat(run.path("inputHash").asString()).hasSize(64);
        assertThat(run.path("factorSetVersion").asInt()).isPositive();
        assertThat(run.path("engineVersion").asString()).isNotBlank();
    }

    @Test
    void anEnterpriseCannotReadAnotherEnterprisesAccount() {
        var r = Api.as(port, "enterprise").get("/api/v1/enterprises/" + other + "/carbon-accounts/2024");
        assertProblem(r, 403, "FORBIDDEN_TENANT");
        assertProblem(Api.as(port, "enterprise").get("/api/v1/enterprises/" + other), 403, "FORBIDDEN_TENANT");
        JsonNode search = Api.as(port, "enterprise").get("/api/v1/enterprises?size=50").json();
        assertThat(search.path("total").asLong()).isEqualTo(1);
        assertThat(search.path("items").get(0).path("uscc").asString()).isEqualTo(own);
    }

    @Test
    void rolesWithoutAccountAccessAreRefused() {
        for (String user : new String[] {"bank-a", "bank-b", "citizen", "provider"}) {
            assertProblem(Api.as(port, user).get("/api/v1/enterprises/" + other + "/carbon-accounts/2024"), 403,
                    "FORBIDDEN");
        }
        var anonymous = Api.anonymous(port).get("/api/v1/enterprises/" + other + "/carbon-accounts/2024");
        assertProblem(anonymous, 401, "UNAUTHENTICATED");
        ok(Api.as(port, "regulator").get("/api/v1/enterprises/" + other + "/carbon-accounts/2024"));
        ok(Api.as(port, "verifier").get("/api/v1/enterprises/" + other + "/carbon-accounts/2024-Q2"));
    }

    @Test
    void badPeriodsAreRefusedAndEmptyPeriodsAreNotFound() {
        Api analyst = Api.as(port, "analyst");
        assertProblem(analyst.get("/api/v1/enterprises/" + other + "/carbon-accounts/2024-13"), 400, "INVALID_PERIOD");
        assertProblem(analyst.get("/api/v1/enterprises/" + other + "/carbon-accounts/2024-Q5"), 400, "INVALID_PERIOD");
        assertProblem(analyst.get("/api/v1/enterprises/" + other + "/carbon-accounts/last-year"), 400, "INVALID_PERIOD");
        assertProblem(analyst.get("/api/v1/enterprises/" + other + "/carbon-accounts/2031"), 404, "ACCOUNT_NOT_FOUND");
    }

    @Test
    void submittedActivitiesMakeANewRunKeepTheOldAndRetriesAreIdempotent() {
        Api provider = Api.as(port, "provider");
        String path = "/api/v1/enterprises/" + other + "/activities/2025-06";
        Api analyst = Api.as(port, "analyst");
        int runsBefore = analyst.get("/api/v1/enterprises/" + other + "/carbon-accounts/2025-06/runs").json().size();
        String body = """
                {"source":"POWER_GRID","activities":[
                  {"kind":"FUEL","code":"BITUMINOUS","quantity":200000,"unit":"t"},
                  {"kind":"ELECTRICITY_PURCHASED","quantity":1200,"unit":"MWh"},
                  {"kind":"OUTPUT","code":"ELECTRICITY_SUPPLIED","quantity":450000,"unit":"MWh"}]}""";
        var first = provider.putWithHeader(path, body, "Idempotency-Key", "test-june-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        var retry = provider.putWithHeader(path, body, "Idempotency-Key", "test-june-1");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("replayed").asBoolean()).isTrue();
        assertThat(retry.json().path("activitySetId").asLong()).isEqualTo(first.json().path("activitySetId").asLong());
        // the key is the provider's own: reused for another month it is refused, and another user's
        // request with the same key is that user's own (never a replay of the provider's data)
        assertProblem(provider.putWithHeader(path.replace("2025-06", "2025-05"), body, "Idempotency-Key", "test-june-1"),
                422, "IDEMPOTENCY_KEY_REUSED");
        var analystsOwn = analyst.putWithHeader(path, body, "Idempotency-Key", "test-june-1");
        assertThat(analystsOwn.status()).as(analystsOwn.toString()).isEqualTo(201);
        assertThat(analystsOwn.json().path("activitySetId").asLong()).isNotEqualTo(first.json().path("activitySetId").asLong());
        // a provider sends figures; it does not read the month merged from every source
        assertProblem(provider.get(path), 403, "FORBIDDEN");

        JsonNode runs = analyst.get("/api/v1/enterprises/" + other + "/carbon-accounts/2025-06/runs").json();
        assertThat(runs.size()).isEqualTo(runsBefore + 2);
        JsonNode month = ok(analyst.get("/api/v1/enterprises/" + other + "/carbon-accounts/2025-06"));
        // 200,000 t × 19.570 × 0.0261 × 0.93 × 44/12 + 1200 MWh × 0.6634 (2025 uses Shanxi 2023)
        assertThat(month.path("totalLocationTco2e").asDouble())
                .isCloseTo(200000 * 19.570 * 0.0261 * 0.93 * 44 / 12 + 1200 * 0.6634, within(0.01));
        assertThat(month.path("intensities").toString()).contains("OUTPUT:ELECTRICITY_SUPPLIED");

        var recalculated = analyst.post("/api/v1/enterprises/" + other + "/carbon-accounts/2025-06/recalculations", "");
        assertThat(recalculated.status()).as(recalculated.toString()).isEqualTo(201);
        assertThat(analyst.get("/api/v1/enterprises/" + other + "/carbon-accounts/2025-06/runs").json().size())
                .isEqualTo(runsBefore + 3);
    }

    @Test
    void anEnterprisesFiguresAreItsSelfReportAndNoFutureMonthIsTaken() {
        String line = "{\"kind\":\"ELECTRICITY_PURCHASED\",\"quantity\":100,\"unit\":\"MWh\"}";
        Api enterprise = Api.as(port, "enterprise");
        assertProblem(enterprise.put("/api/v1/enterprises/" + own + "/activities/2025-05",
                "{\"source\":\"POWER_GRID\",\"activities\":[" + line + "]}"), 403, "SOURCE_NOT_YOURS");
        var own = enterprise.put("/api/v1/enterprises/" + this.own + "/activities/2025-05", "{\"activities\":[" + line + "]}");
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(own.json().path("source").asString()).isEqualTo("SELF_REPORT");

        String next = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();
        assertProblem(Api.as(port, "analyst").put("/api/v1/enterprises/" + other + "/activities/" + next,
                "{\"activities\":[" + line + "]}"), 422, "FUTURE_PERIOD");
    }

    @Test
    void anIdempotencyKeyReusedForOtherDataOfTheSameMonthIsRefusedAndWritesNothing() {
        Api provider = Api.as(port, "provider");
        String path = "/api/v1/enterprises/" + other + "/activities/2025-10";
        String body = """
                {"source":"POWER_GRID","activities":[
                  {"kind":"FUEL","code":"BITUMINOUS","quantity":1000.5,"unit":"t"},
                  {"kind":"ELECTRICITY_PURCHASED","quantity":1200,"unit":"MWh"}]}""";
        var first = provider.putWithHeader(path, body, "Idempotency-Key", "test-october-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long setId = first.json().path("activitySetId").asLong();
        long setsBefore = count("SELECT COUNT(*) FROM activity_set WHERE uscc = ? AND period = '2025-10'");
        long runsBefore = count("SELECT COUNT(*) FROM calculation_run WHERE uscc = ? AND period = '2025-10'");
        long leavesBefore = jdbc.sql("SELECT COUNT(*) FROM evidence_leaf WHERE kind = 'calculation_run'")
                .query(Long.class).single();

        // other lines (a quantity, a line more or less, another order) or another source with the same key
        for (String changed : new String[] {body.replace("1200", "1300"), body.replace("1000.5", "1000.6"),
                body.replace("POWER_GRID", "TAX_BUREAU"),
                body.replace("\"t\"}", "\"t\",\"parameters\":{\"ncv\":20.9}}"),
                """
                {"source":"POWER_GRID","activities":[{"kind":"ELECTRICITY_PURCHASED","quantity":1200,"unit":"MWh"}]}""",
                """
                {"source":"POWER_GRID","activities":[
                  {"kind":"ELECTRICITY_PURCHASED","quantity":1200,"unit":"MWh"},
                  {"kind":"FUEL","code":"BITUMINOUS","quantity":1000.5,"unit":"t"}]}"""}) {
            var r = provider.putWithHeader(path, changed, "Idempotency-Key", "test-october-1");
            assertProblem(r, 422, "IDEMPOTENCY_KEY_REUSED");
            assertThat(r.json().path("messageEn").asString()).contains("#" + setId);
        }
        // a malformed request with a used key is refused for its own fault
        assertProblem(provider.putWithHeader(path, body.replace("MWh", "furlongs"), "Idempotency-Key", "test-october-1"),
                422, "UNKNOWN_UNIT");
        assertThat(count("SELECT COUNT(*) FROM activity_set WHERE uscc = ? AND period = '2025-10'")).isEqualTo(setsBefore);
        assertThat(count("SELECT COUNT(*) FROM calculation_run WHERE uscc = ? AND period = '2025-10'"))
                .isEqualTo(runsBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_leaf WHERE kind = 'calculation_run'").query(Long.class)
                .single()).isEqualTo(leavesBefore);

        // the same data written otherwise (1000.50, 1.2E3) is the same request: replayed
        var retry = provider.putWithHeader(path, body.replace("1000.5", "1000.500").replace("1200", "1.2E3"),
                "Idempotency-Key", "test-october-1");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().path("replayed").asBoolean()).isTrue();
        assertThat(retry.json().path("activitySetId").asLong()).isEqualTo(setId);
        assertThat(count("SELECT COUNT(*) FROM activity_set WHERE uscc = ? AND period = '2025-10'")).isEqualTo(setsBefore);
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(other).query(Long.class).single();
    }

    @Test
    void aBadLineRejectsTheWholeMonthAndStoresNothing() {
        Api provider = Api.as(port, "provider");
        String path = "/api/v1/enterprises/" + other + "/activities/2025-07";
        JsonNode before = Api.as(port, "analyst").get(path).json();
        var r = provider.putWithHeader(path, """
                {"activities":[{"kind":"FUEL","code":"BITUMINOUS","quantity":100,"unit":"t"},
                               {"kind":"ELECTRICITY_PURCHASED","quantity":5,"unit":"furlongs"}]}""", "Idempotency-Key", "bad-july");
        assertProblem(r, 422, "UNKNOWN_UNIT");
        assertThat(Api.as(port, "analyst").get(path).json().path("revision").asInt())
                .isEqualTo(before.path("revision").asInt());
        assertProblem(Api.as(port, "bank-a").putWithHeader(path, """
                {"activities":[{"kind":"FUEL","code":"BITUMINOUS","quantity":1,"unit":"t"}]}""", "X-Any", "1"), 403,
                "FORBIDDEN");
        assertProblem(Api.as(port, "enterprise").putWithHeader(path, """
                {"activities":[{"kind":"FUEL","code":"BITUMINOUS","quantity":1,"unit":"t"}]}""", "X-Any", "1"), 403,
                "FORBIDDEN_TENANT");
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
