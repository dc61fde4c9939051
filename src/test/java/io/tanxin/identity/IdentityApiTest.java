package io.tanxin.identity;

import static io.tanxin.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class IdentityApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDemoRoleSignsInWithTheDemoPassword() {
        String[][] expected = {{"regulator", "REGULATOR"}, {"analyst", "AGENCY_ANALYST"}, {"verifier", "VERIFIER"},
                {"bank-a", "BANK_OFFICER"}, {"bank-b", "BANK_OFFICER"}, {"enterprise", "ENTERPRISE"},
                {"provider", "DATA_PROVIDER"}, {"park", "PARK_ADMIN"}, {"citizen", "CITIZEN"}};
        for (String[] e : expected) {
            var me = Api.as(port, e[0]).get("/api/v1/identity/me");
            assertThat(me.status()).as(e[0] + " " + me).isEqualTo(200);
            assertThat(me.json().path("roles").toString()).contains(e[1]);
        }
        assertThat(Api.as(port, "bank-a").get("/api/v1/identity/me").json().path("organisationCode").asString())
                .isNotEqualTo(Api.as(port, "bank-b").get("/api/v1/identity/me").json().path("organisationCode").asString());
    }

    @Test
    void passwordsAreStoredAsModernHashesOnly() {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'analyst'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("tanxin-demo");
        assertProblem(Api.as(port, "analyst", "wrong-password").get("/api/v1/identity/me"), 401, "UNAUTHENTICATED");
    }

    @Test
    void apiTokensAuthenticateAndUnknownTokensAreRefused() {
        var issued = Api.as(port, "analyst").post("/api/v1/identity/tokens", "{\"name\":\"ci\"}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String token = issued.json().path("token").asString();
        assertThat(token).startsWith("tx_");
        var me = Api.withToken(port, token).get("/api/v1/identity/me");
        assertThat(me.json().path("username").asString()).isEqualTo("analyst");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = ?").param(token).query(Long.class).single())
                .isZero();
        assertProblem(Api.withToken(port, "tx_forged").get("/api/v1/identity/me"), 401, "INVALID_TOKEN");
    }

    @Test
    void rolesAreEnforcedOnTheServer() {
        String enterprise = """
                {"uscc":"91140100MA0ROLE018","nameZh":"角色测试公司","regionCode":"140100","industryCode":"3841",
                 "sizeClass":"SMALL","transitionStage":"INITIAL"}""";
        for (String user : new String[] {"provider", "bank-a", "enterprise", "citizen", "verifier", "park"}) {
            assertProblem(Api.as(port, user).post("/api/v1/enterprises", enterprise), 403, "FORBIDDEN");
        }
        assertProblem(Api.as(port, "bank-a").get("/api/v1/enterprises?size=5"), 403, "FORBIDDEN");
        assertProblem(Api.as(port, "citizen").get("/api/v1/parks"), 403, "FORBIDDEN");
        assertProblem(Api.as(port, "analyst").get("/api/v1/identity/users").status() == 200
                ? Api.as(port, "bank-b").get("/api/v1/identity/users") : null, 403, "FORBIDDEN");
        assertProblem(Api.as(port, "provider").post("/api/v1/enterprises/91140100MA0ROLE018/carbon-accounts/2024-01/recalculations", ""),
                403, "FORBIDDEN");
        assertProblem(Api.anonymous(port).get("/api/v1/enterprises"), 401, "UNAUTHENTICATED");
    }

    @Test
    void theApiSaysWhenDataIsSynthetic() {
        var demo = Api.anonymous(port).get("/api/v1/demo");
        assertThat(demo.json().path("synthetic").asBoolean()).isTrue();
        assertThat(demo.json().path("noticeZh").asString()).contains("合成");
        assertThat(demo.json().path("enterprises").asLong()).isPositive();
    }
}
