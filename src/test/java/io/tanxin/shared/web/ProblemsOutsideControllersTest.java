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

/**
 * Errors Spring raises before a controller is chosen (and so before {@code ProblemAdvice} applies)
 * are problems too on API addresses, whatever the client accepts; console addresses keep their
 * HTML error page.
 */
@IntegrationTest
class ProblemsOutsideControllersTest {

    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String UPLOAD = "/api/v1/intake/submissions?dataset=ACTIVITY";
    static final String FEATURED = "91140300MA0TX20251";

    @LocalServerPort
    int port;

    @Test
    void anUnknownApiAddressIsANoSuchEndpointProblem() throws Exception {
        JsonNode p = problem(send(as("analyst", "/api/v1/nonexistent").GET()), 404, "NO_SUCH_ENDPOINT");
        assertThat(p.path("messageEn").asString()).isEqualTo("No such API endpoint");
        assertThat(p.path("messageZh").asString()).isEqualTo("没有这个接口地址");
    }

    @Test
    void anApiProblemIsJsonEvenWhenTheClientAsksForHtml() throws Exception {
        HttpResponse<String> r = send(as("analyst", "/api/v1/nonexistent").header("Accept", "text/html").GET());
        problem(r, 404, "NO_SUCH_ENDPOINT");
        assertThat(r.body()).doesNotContain("<html");
    }

    @Test
    void aWrongMethodIsAMethodNotAllowedProblemWithAllow() throws Exception {
        HttpResponse<String> r = send(as("analyst", "/api/v1/enterprises")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
        problem(r, 405, "METHOD_NOT_ALLOWED");
        assertThat(r.headers().allValues("Allow")).as(r.headers().map().toString()).hasSize(1);
        assertThat(r.headers().firstValue("Allow").orElse("")).contains("GET", "POST");
    }

    @Test
    void rowsInTextAreAnUnsupportedMediaTypeProblemNamingJson() throws Exception {
        HttpResponse<String> r = send(as("provider", "/api/v1/intake/activity/rows")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("rows")));
        JsonNode p = problem(r, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(p.path("messageEn").asString()).contains("application/json");
        assertThat(p.path("messageZh").asString()).contains("application/json");
    }

    @Test
    void aSubmissionInJsonIsAnUnsupportedMediaTypeProblemNamingTheFileTypes() throws Exception {
        HttpResponse<String> r = send(as("provider", UPLOAD)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        JsonNode p = problem(r, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(p.path("messageEn").asString()).contains("multipart/form-data", "text/csv");
    }

    @Test
    void aReportInXmlIsANotAcceptableProblem() throws Exception {
        HttpResponse<String> r = send(as("analyst", "/api/v1/enterprises/" + FEATURED + "/credit-report")
                .header("Accept", "application/xml").GET());
        JsonNode p = problem(r, 406, "NOT_ACCEPTABLE");
        assertThat(p.path("messageEn").asString()).contains("application/json", "application/pdf");
    }

    @Test
    void aMultipartBodyWithoutBoundaryIsAMalformedMultipartProblem() throws Exception {
        HttpResponse<String> r = send(as("provider", UPLOAD)
                .header("Content-Type", "multipart/form-data").POST(HttpRequest.BodyPublishers.ofString("junk")));
        problem(r, 400, "MALFORMED_MULTIPART");
    }

    @Test
    void aMultipartBodyWithoutTheFilePartIsAMissingFilePartProblem() throws Exception {
        String body = "--b0undary\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nnot a file\r\n--b0undary--\r\n";
        HttpResponse<String> r = send(as("provider", UPLOAD)
                .header("Content-Type", "multipart/form-data; boundary=b0undary")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        JsonNode p = problem(r, 400, "MISSING_FILE_PART");
        assertThat(p.path("messageEn").asString()).contains("'file'");
        assertThat(p.path("messageZh").asString()).contains("“file”");
    }

    @Test
    void aPathTomcatRefusesItselfIsAProblemOnApiAddresses() throws Exception {
        // refused by Tomcat before any servlet or filter runs: an encoded slash, an encoded NUL
        for (String path : new String[] {"/api/v1/enterprises/a%2Fb", "/api/v1/enterprises/a%00b"}) {
            HttpResponse<String> r = send(as("analyst", path).GET());
            problem(r, 400, "MALFORMED_REQUEST");
            assertThat(r.body()).doesNotContain("<html", "Tomcat");
        }
        // elsewhere Tomcat's page stays, without server details
        HttpResponse<String> page = send(as("analyst", "/console/a%2Fb").header("Accept", "text/html").GET());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("\"code\"", "Apache Tomcat/");
    }

    @Test
    void aRequestLineTooLongToReadIsAProblem() throws Exception {
        // over Tomcat's 8 KB header buffer: refused while the request line is read, before its address is known
        HttpResponse<String> r = send(as("analyst", "/api/v1/parks?q=" + "a".repeat(9_000)).GET());
        problem(r, 400, "MALFORMED_REQUEST");
        assertThat(r.body()).doesNotContain("<html", "Tomcat", "aaaa");
    }

    @Test
    void anUnknownConsoleAddressKeepsTheHtmlErrorPage() throws Exception {
        HttpResponse<String> r = send(as("analyst", "/no-such-page").header("Accept", "text/html").GET());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("<html", "404").doesNotContain("\"code\"");
    }

    private JsonNode problem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.body()).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.path("code").asString()).as(r.body()).isEqualTo(code);
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("messageZh").asString()).isNotBlank();
        assertThat(p.path("messageEn").asString()).isNotBlank();
        // Chinese unless the client asks for English
        assertThat(p.path("detail").asString()).isEqualTo(p.path("messageZh").asString());
        return p;
    }

    private HttpRequest.Builder as(String user, String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":tanxin-demo").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic " + basic);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
