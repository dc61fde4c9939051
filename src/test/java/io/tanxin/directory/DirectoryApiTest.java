package io.tanxin.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tanxin.shared.Uscc;
import io.tanxin.support.ProblemAssert;
import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DirectoryApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aParkAdministratorFindsOnlyTheEnterprisesOfItsOwnPark() {
        Api park = Api.as(port, "park");
        String own = park.get("/api/v1/identity/me").json().path("organisationCode").asString();
        String other = jdbc.sql("SELECT park_code FROM enterprise WHERE park_code IS NOT NULL AND park_code <> ? "
                + "FETCH FIRST 1 ROWS ONLY").param(own).query(String.class).single();
        for (String asked : new String[] {"", "&park=" + other}) {
            JsonNode found = park.get("/api/v1/enterprises?size=200" + asked).json();
            assertThat(found.path("items").size()).isPositive();
            found.path("items").forEach(e -> assertThat(e.path("parkCode").asString()).isEqualTo(own));
        }
        String inside = jdbc.sql("SELECT uscc FROM enterprise WHERE park_code = ? FETCH FIRST 1 ROWS ONLY").param(own)
                .query(String.class).single();
        String outside = jdbc.sql("SELECT uscc FROM enterprise WHERE park_code = ? FETCH FIRST 1 ROWS ONLY").param(other)
                .query(String.class).single();
        assertThat(park.get("/api/v1/enterprises/" + inside).status()).isEqualTo(200);
        ProblemAssert.assertProblem(park.get("/api/v1/enterprises/" + outside), 403, "FORBIDDEN_TENANT");
        // the analyst still sees every park
        assertThat(Api.as(port, "analyst").get("/api/v1/enterprises/" + outside).status()).isEqualTo(200);
    }

    static String validUscc(String first17) {
        return first17 + Uscc.checkCharacter(first17);
    }

    static String body(String uscc, String name) {
        return """
                {"uscc":"%s","nameZh":"%s","regionCode":"140402","industryCode":"3011",
                 "sizeClass":"MEDIUM","transitionStage":"INITIAL"}""".formatted(uscc, name);
    }

    @Test
    void analystRegistersAnEnterpriseAndFindsItByNameRegionAndIndustry() {
        Api analyst = Api.as(port, "analyst");
        String uscc = validUscc("91140402MA0TEXT01");
        var created = analyst.post("/api/v1/enterprises", body(uscc, "长治测试水泥有限公司"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("version").asInt()).isZero();

        var found = analyst.get("/api/v1/enterprises?name=测试水泥&region=140400&industry=30&size=5");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("total").asLong()).isEqualTo(1);
        assertThat(found.json().path("items").get(0).path("uscc").asString()).isEqualTo(uscc);

        var byProvince = analyst.get("/api/v1/enterprises?region=140000&size=1");
        assertThat(byProvince.json().path("total").asLong()).isGreaterThan(1);
        assertThat(byProvince.json().path("items").size()).isEqualTo(1);

        var updated = analyst.put("/api/v1/enterprises/" + uscc, """
                {"nameZh":"长治测试水泥集团有限公司","regionCode":"140402","industryCode":"3011",
                 "sizeClass":"LARGE","transitionStage":"MIDDLE","version":0}""");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("version").asInt()).isEqualTo(1);
        assertThat(updated.json().path("sizeClass").asString()).isEqualTo("LARGE");

        var stale = analyst.put("/api/v1/enterprises/" + uscc, """
                {"nameZh":"过期修改","regionCode":"140402","industryCode":"3011",
                 "sizeClass":"LARGE","transitionStage":"MIDDLE","version":0}""");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemCode()).isEqualTo("VERSION_CONFLICT");
    }

    @Test
    void invalidUsccIsRefusedWithAProblemAndNothingIsStored() {
        Api analyst = Api.as(port, "analyst");
        String good = validUscc("91140402MA0TEXT02");
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        var r = analyst.post("/api/v1/enterprises", body(bad, "校验位错误公司"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.problemCode()).isEqualTo("INVALID_USCC");
        assertThat(r.json().path("messageZh").asString()).contains("校验位");
        assertThat(r.json().path("messageEn").asString()).contains("check character");
        assertThat(analyst.get("/api/v1/enterprises?name=校验位错误").json().path("total").asLong()).isZero();

        var path = analyst.get("/api/v1/enterprises/NOT-A-USCC");
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.problemCode()).isEqualTo("INVALID_USCC");
    }

    @Test
    void unknownIndustryRegionAndEnumsAreRefused() {
        Api analyst = Api.as(port, "analyst");
        String uscc = validUscc("91140402MA0TEXT03");
        var industry = analyst.post("/api/v1/enterprises", body(uscc, "行业错误公司").replace("3011", "9999"));
        assertThat(industry.status()).isEqualTo(422);
        assertThat(industry.problemCode()).isEqualTo("UNKNOWN_INDUSTRY");
        var region = analyst.post("/api/v1/enterprises", body(uscc, "地区错误公司").replace("\"regionCode\":\"140402\"", "\"regionCode\":\"990000\""));
        assertThat(region.problemCode()).isEqualTo("UNKNOWN_REGION");
        var elsewhere = analyst.post("/api/v1/enterprises", body(uscc, "异地登记公司").replace("\"regionCode\":\"140402\"", "\"regionCode\":\"140100\""));
        assertThat(elsewhere.problemCode()).isEqualTo("USCC_REGION_MISMATCH");
        var size = analyst.post("/api/v1/enterprises", body(uscc, "规模错误公司").replace("MEDIUM", "HUGE"));
        assertThat(size.problemCode()).isEqualTo("INVALID_SIZE_CLASS");
        var malformed = analyst.post("/api/v1/enterprises", "{\"uscc\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemCode()).isEqualTo("MALFORMED_BODY");
        var missing = analyst.post("/api/v1/enterprises", "{\"uscc\":\"" + uscc + "\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.problemCode()).isEqualTo("VALIDATION_FAILED");
        var unknown = analyst.get("/api/v1/enterprises/" + uscc);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("ENTERPRISE_NOT_FOUND");
    }

    @Test
    void pagingLimitsAreEnforced() {
        var r = Api.as(port, "analyst").get("/api/v1/enterprises?size=1000");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("INVALID_PAGE");
    }

    @Test
    void regionsAndIndustriesArePublicReferenceData() {
        var regions = Api.anonymous(port).get("/api/v1/reference/regions");
        assertThat(regions.status()).isEqualTo(200);
        assertThat(regions.body()).contains("阳泉市").contains("NORTH_CHINA");
        var industries = Api.anonymous(port).get("/api/v1/reference/industries");
        assertThat(industries.body()).contains("\"methodology\":\"CEMENT\"");
    }
}
