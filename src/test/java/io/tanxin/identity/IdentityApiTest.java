package io.tanxin.identity;

import static io.tanxin.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import io.tanxin.shared.DomainException;

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

    @Autowired
    UserManagement users;

    @Test
    void aUserBelongsToTheKindOfOrganisationItsRolesWorkFor() {
        assertThatThrownBy(() -> users.createUser(new NewUser("bank-as-enterprise", Api.DEMO_PASSWORD, "错配用户",
                Set.of(Role.BANK_OFFICER), OrganisationKind.ENTERPRISE, "91140300MA0TX20251", false)))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("ORGANISATION_DOES_NOT_FIT_ROLE");
        assertThatThrownBy(() -> users.createUser(new NewUser("enterprise-and-bank", Api.DEMO_PASSWORD, "错配用户",
                Set.of(Role.ENTERPRISE, Role.BANK_OFFICER), OrganisationKind.ENTERPRISE, "91140300MA0TX20251", false)))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("ORGANISATION_DOES_NOT_FIT_ROLE");
        assertThatThrownBy(() -> users.createUser(new NewUser("park-without-park", Api.DEMO_PASSWORD, "错配用户",
                Set.of(Role.PARK_ADMIN), OrganisationKind.PARK, " ", false)))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("ORGANISATION_CODE_REQUIRED");
        assertThatThrownBy(() -> users.createUser(new NewUser("enterprise-bad-uscc", Api.DEMO_PASSWORD, "错配用户",
                Set.of(Role.ENTERPRISE), OrganisationKind.ENTERPRISE, "91140300MA0TX20250", false)))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("INVALID_USCC");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE display_name = '错配用户'").query(Long.class).single())
                .isZero();

        users.createUser(new NewUser("regulator-and-analyst", Api.DEMO_PASSWORD, "双角色机构用户",
                Set.of(Role.REGULATOR, Role.AGENCY_ANALYST), OrganisationKind.INSTITUTION, "PBOC_TY", false));
        assertThat(users.find("regulator-and-analyst")).isPresent();
    }

    @Test
    void anAnonymousWriteIsAskedWhoItIsNotRefusedForACsrfToken() {
        var r = Api.anonymous(port).post("/api/v1/parks", "{}");
        assertProblem(r, 401, "UNAUTHENTICATED");
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
    void revokedAndExpiredTokensAreRefusedAndARememberedTokenStopsAtItsExpiry() {
        String revoked = issueToken("revoked");
        String expired = issueToken("expired");
        String expiring = issueToken("expiring");
        jdbc.sql("UPDATE api_token SET revoked = TRUE WHERE token_hash = ?").param(hash(revoked)).update();
        jdbc.sql("UPDATE api_token SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE token_hash = ?")
                .param(hash(expired)).update();
        assertProblem(Api.withToken(port, revoked).get("/api/v1/identity/me"), 401, "INVALID_TOKEN");
        assertProblem(Api.withToken(port, expired).get("/api/v1/identity/me"), 401, "INVALID_TOKEN");

        // remembered after its first use, but only until the token itself expires
        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE token_hash = ?")
                .params(java.time.OffsetDateTime.now().plusSeconds(2), hash(expiring)).update();
        assertThat(Api.withToken(port, expiring).get("/api/v1/identity/me").status()).isEqualTo(200);
        assertThat(Api.withToken(port, expiring).get("/api/v1/identity/me").status()).isEqualTo(200);
        sleep(2_500);
        assertProblem(Api.withToken(port, expiring).get("/api/v1/identity/me"), 401, "INVALID_TOKEN");
    }

    private String issueToken(String name) {
        var issued = Api.as(port, "analyst").post("/api/v1/identity/tokens", "{\"name\":\"" + name + "\"}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().path("token").asString();
    }

    private static String hash(String token) {
        return io.tanxin.identity.internal.TokenHashing.sha256(token);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
