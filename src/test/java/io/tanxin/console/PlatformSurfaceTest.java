package io.tanxin.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a newcomer reaches first: health, API documentation, the sign-in page with the demo notice. */
@IntegrationTest
class PlatformSurfaceTest {

    @LocalServerPort
    int port;

    @Test
    void healthIsUpAndOpenApiDocumentsEveryModule() {
        assertThat(Api.anonymous(port).get("/actuator/health").body()).contains("\"UP\"");
        var docs = Api.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/accounting/calculations", "/api/v1/enterprises/{uscc}/carbon-accounts/{period}",
                "/api/v1/enterprises", "/api/v1/reference/factor-sets");
        assertThat(Api.anonymous(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theSignInPageIsChineseAndSaysTheDataIsSynthetic() {
        var login = Api.anonymous(port).get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("登录", "演示数据", "合成", "_csrf");
        var home = Api.anonymous(port).get("/", "text/html");
        assertThat(home.status()).isEqualTo(302);
    }

    @Test
    void apiAnswersCarryTheSyntheticDataHeader() {
        var r = Api.anonymous(port).getWithHeaders("/api/v1/reference/industries");
        assertThat(r.headers().firstValue("X-Tanxin-Synthetic-Data")).contains("true");
    }

    @Test
    void factorSetsArePublishedWithSourceAndStatus() {
        var sets = Api.anonymous(port).get("/api/v1/reference/factor-sets");
        assertThat(sets.json().get(0).path("code").asString()).isEqualTo("CN-DEFAULT");
        assertThat(sets.json().get(0).path("status").asString()).isEqualTo("PUBLISHED");
        var factors = Api.anonymous(port).get("/api/v1/reference/factor-sets/CN-DEFAULT/1/factors?category=ELECTRICITY_HEAT");
        assertThat(factors.body()).contains("GRID_PROVINCIAL_SHANXI", "MEE/NBS announcement", "0.6634");
        var missing = Api.anonymous(port).get("/api/v1/reference/factor-sets/CN-DEFAULT/99/factors");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problemCode()).isEqualTo("FACTOR_SET_NOT_FOUND");
    }
}
