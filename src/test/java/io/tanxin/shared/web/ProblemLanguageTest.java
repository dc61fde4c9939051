package io.tanxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Chinese first: a problem's {@code detail} is Chinese unless the client asks for English. */
@IntegrationTest
class ProblemLanguageTest {

    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ANALYST = "Basic " + Base64.getEncoder().encodeToString("analyst:tanxin-demo".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @Test
    void aDomainErrorIsInChineseUnlessEnglishIsAsked() throws Exception {
        HttpRequest.Builder bad = request("/api/v1/enterprises/not-a-uscc").header("Authorization", ANALYST).GET();
        assertChineseThenEnglish(bad);
    }

    @Test
    void aMalformedBodyIsInChineseUnlessEnglishIsAsked() throws Exception {
        HttpRequest.Builder bad = request("/api/v1/enterprises").header("Authorization", ANALYST)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{not json"));
        assertChineseThenEnglish(bad);
    }

    @Test
    void aRefusedTokenIsInChineseUnlessEnglishIsAsked() throws Exception {
        HttpRequest.Builder bad = request("/api/v1/enterprises").header("Authorization", "Bearer not-a-token").GET();
        assertChineseThenEnglish(bad);
    }

    @Test
    void anErrorBeforeAControllerIsInChineseUnlessEnglishIsAsked() throws Exception {
        // answered on /error, whose own request URI is not under /api/
        HttpRequest.Builder bad = request("/api/v1/nonexistent").header("Authorization", ANALYST).GET();
        assertChineseThenEnglish(bad);
    }

    private void assertChineseThenEnglish(HttpRequest.Builder request) throws Exception {
        JsonNode zh = problem(request.copy().build());
        assertThat(zh.path("detail").asString()).as(zh.toString()).isEqualTo(zh.path("messageZh").asString());
        JsonNode en = problem(request.copy().header("Accept-Language", "en-GB,en;q=0.9").build());
        assertThat(en.path("detail").asString()).as(en.toString()).isEqualTo(en.path("messageEn").asString());
        assertThat(en.path("code").asString()).isEqualTo(zh.path("code").asString());
        JsonNode both = problem(request.copy().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").build());
        assertThat(both.path("detail").asString()).isEqualTo(both.path("messageZh").asString());
    }

    private JsonNode problem(HttpRequest request) throws Exception {
        HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        return JSON.readTree(r.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
}
