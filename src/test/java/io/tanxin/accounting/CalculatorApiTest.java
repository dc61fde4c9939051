package io.tanxin.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import static io.tanxin.support.ProblemAssert.assertProblem;

import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The public calculator contract, exactly as outside callers use it. */
@IntegrationTest
class CalculatorApiTest {

    static final String CONTRACT_EXAMPLE = """
            {"industryCode":"4411","regionCode":"140400","year":2023,"activities":[
              {"kind":"FUEL","code":"BITUMINOUS","quantity":1000,"unit":"t"},
              {"kind":"ELECTRICITY_PURCHASED","quantity":5000,"unit":"MWh"},
              {"kind":"GREEN_ELECTRICITY","quantity":1000,"unit":"MWh"},
              {"kind":"HEAT_PURCHASED","quantity":2000,"unit":"GJ"}]}""";

    @LocalServerPort
    int port;

    @Test
    void anonymousCallerGetsTheContractExampleComputedByHand() {
        var r = Api.anonymous(port).post("/api/v1/accounting/calculations", CONTRACT_EXAMPLE);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        // coal: 1000 t × 19.570 GJ/t × 0.0261 tC/GJ × 0.93 × 44/12 = 475.02261 tC × 3.6667 = 1741.7496 t
        double scope1 = 1000 * 19.570 * 0.0261 * 0.93 * 44 / 12;
        // location: 5000 MWh × 0.6634 (Shanxi 2023) + 2000 GJ × 0.11 = 3317 + 220
        double scope2Location = 5000 * 0.6634 + 2000 * 0.11;
        // market: (5000 − 1000 green) MWh × 0.6096 (national excl. market non-fossil 2023) + 220
        double scope2Market = 4000 * 0.6096 + 2000 * 0.11;
        assertThat(body.path("scope1Tco2e").asDouble()).isCloseTo(scope1, within(0.01));
        assertThat(body.path("scope2LocationTco2e").asDouble()).isCloseTo(scope2Location, within(0.01));
        assertThat(body.path("scope2MarketTco2e").asDouble()).isCloseTo(scope2Market, within(0.01));
        assertThat(body.path("totalLocationTco2e").asDouble()).isCloseTo(scope1 + scope2Location, within(0.01));
        assertThat(body.path("totalMarketTco2e").asDouble()).isCloseTo(scope1 + scope2Market, within(0.01));
        assertThat(body.path("lines").size()).isEqualTo(4);
        JsonNode coal = body.path("lines").get(0);
        assertThat(coal.path("factors").toString()).contains("GB/T 32151");
        assertThat(body.path("factorSetCode").asString()).isEqualTo("CN-DEFAULT");
        assertThat(body.path("engineVersion").asString()).isNotBlank();
        assertThat(body.path("inputHash").asString()).hasSize(64);
    }

    @Test
    void aDataYearNewerThanThePublishedFactorsSaysWhichYearItUsed() {
        var r = Api.anonymous(port).post("/api/v1/accounting/calculations", CONTRACT_EXAMPLE.replace("2023", "2025"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("scope2LocationTco2e").asDouble()).isCloseTo(5000 * 0.6634 + 220, within(0.01));
        assertThat(r.body()).contains("2023");
    }

    @Test
    void badInputAnswersWithStableProblemCodes() {
        Api api = Api.anonymous(port);
        assertProblem(api.post("/api/v1/accounting/calculations", CONTRACT_EXAMPLE.replace("4411", "9999")), 422,
                "UNKNOWN_INDUSTRY");
        assertProblem(api.post("/api/v1/accounting/calculations", CONTRACT_EXAMPLE.replace("140400", "990000")), 422,
                "UNKNOWN_REGION");
        assertProblem(api.post("/api/v1/accounting/calculations", CONTRACT_EXAMPLE.replace("\"t\"", "\"bananas\"")),
                422, "UNKNOWN_UNIT");
        assertProblem(api.post("/api/v1/accounting/calculations", CONTRACT_EXAMPLE.replace("\"t\"", "\"MWh\"")),
                422, "UNIT_NOT_CONVERTIBLE");
        assertProblem(api.post("/api/v1/accounting/calculations", CONTRACT_EXAMPLE.replace("1000,", "-1000,")),
                422, "NEGATIVE_QUANTITY");
        assertProblem(api.post("/api/v1/accounting/calculations", CONTRACT_EXAMPLE.replace("BITUMINOUS", "UNOBTAINIUM")),
                422, "UNKNOWN_FUEL");
        assertProblem(api.post("/api/v1/accounting/calculations", CONTRACT_EXAMPLE.replace("2023", "2015")),
                422, "FACTOR_MISSING");
        assertProblem(api.post("/api/v1/accounting/calculations", CONTRACT_EXAMPLE.replace("4411", "3216")),
                422, "METHODOLOGY_NOT_IMPLEMENTED");
        assertProblem(api.post("/api/v1/accounting/calculations", CONTRACT_EXAMPLE.replace("\"FUEL\"", "\"MAGIC\"")),
                422, "UNKNOWN_ACTIVITY_KIND");
        assertProblem(api.post("/api/v1/accounting/calculations", "{\"industryCode\":"), 400, "MALFORMED_BODY");
        assertProblem(api.post("/api/v1/accounting/calculations", "{\"industryCode\":\"4411\"}"), 422,
                "VALIDATION_FAILED");
    }

    @Test
    void chineseUnitSpellingsAreAccepted() {
        var r = Api.anonymous(port).post("/api/v1/accounting/calculations", """
                {"industryCode":"3841","regionCode":"140100","year":2023,"activities":[
                  {"kind":"FUEL","code":"NATURAL_GAS","quantity":10,"unit":"万Nm3"},
                  {"kind":"FUEL","code":"NATURAL_GAS","quantity":100000,"unit":"Nm3"}]}""");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        // 2 × 10 ×10⁴ Nm3 × 389.31 GJ × 0.0153 × 0.99 × 44/12
        assertThat(r.json().path("scope1Tco2e").asDouble())
                .isCloseTo(2 * 10 * 389.31 * 0.0153 * 0.99 * 44 / 12, within(0.01));
    }
}
