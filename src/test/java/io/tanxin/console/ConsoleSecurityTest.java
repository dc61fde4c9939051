package io.tanxin.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tanxin.identity.NewUser;
import io.tanxin.identity.OrganisationKind;
import io.tanxin.identity.Role;
import io.tanxin.identity.UserManagement;
import io.tanxin.shared.Uscc;
import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The console at the HTTP level, as a browser and as a forger would use it: every state-changing
 * form carries a CSRF token and is refused without it; a role or tenant never reaches another's page
 * or fragment, and the refusal is a page in words; hostile text renders as text; signing in changes
 * the session id and signing out ends the session; the English switch is remembered.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSecurityTest {

    static final String HOSTILE_NAME = "<script>alert('x')</script>测试企业";
    static final String HOSTILE_NAME_ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;测试企业";
    static final String FRESH_USER = "consec-enterprise";
    /** A second user, for a demo enterprise with accounts: an objection must name an item that exists. */
    static final String ACCOUNTED_USER = "consec-enterprise-accounted";
    static final String MONTH = "2025-03";

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    /** The demo's featured enterprise, and a fresh one (hostile name, own user) for tests that change things. */
    String demoUscc;
    String freshUscc;
    String bankA;
    String parkCode;
    String insidePark;
    String outsidePark;
    String accountedUscc;

    @BeforeAll
    void freshEnterpriseWithAHostileNameAndItsOwnUser() {
        demoUscc = Api.as(port, "enterprise").get("/api/v1/identity/me").json().path("organisationCode").asString();
        bankA = Api.as(port, "bank-a").get("/api/v1/identity/me").json().path("organisationCode").asString();
        parkCode = Api.as(port, "park").get("/api/v1/identity/me").json().path("organisationCode").asString();
        Api regulator = Api.as(port, "regulator");
        JsonNode inPark = regulator.get("/api/v1/enterprises?park=" + parkCode + "&size=1").json().path("items");
        assertThat(inPark.size()).as("the demo park has enterprises").isPositive();
        insidePark = inPark.get(0).path("uscc").asString();
        for (JsonNode e : regulator.get("/api/v1/enterprises?size=50").json().path("items")) {
            if (!parkCode.equals(e.path("parkCode").asString(null)) && !e.path("uscc").asString().equals(demoUscc)) {
                outsidePark = e.path("uscc").asString();
                break;
            }
        }
        assertThat(outsidePark).as("an enterprise outside the park").isNotNull();
        JsonNode page = regulator.get("/api/v1/enterprises?size=50").json().path("items");
        for (int i = page.size() - 1; i >= 0 && accountedUscc == null; i--) {
            String u = page.get(i).path("uscc").asString();
            if (!u.equals(demoUscc) && !u.equals(outsidePark) && !u.equals(insidePark)
                    && regulator.get("/api/v1/enterprises/" + u + "/carbon-accounts/" + MONTH + "/runs").json().size() > 0) {
                accountedUscc = u;
            }
        }
        assertThat(accountedUscc).as("a demo enterprise with an account for " + MONTH).isNotNull();
        users.createUser(new NewUser(ACCOUNTED_USER, Api.DEMO_PASSWORD, "安全测试企业用户（有核算数据）", Set.of(Role.ENTERPRISE),
                OrganisationKind.ENTERPRISE, accountedUscc, false));

        String first17 = "91140402MA0TXCN01";
        freshUscc = first17 + Uscc.checkCharacter(first17);
        var created = Api.as(port, "analyst").post("/api/v1/enterprises", """
                {"uscc":"%s","nameZh":"%s","nameEn":"<img src=x onerror=alert(1)> Ltd","regionCode":"140402",
                 "industryCode":"3011","sizeClass":"MEDIUM","transitionStage":"INITIAL"}"""
                .formatted(freshUscc, HOSTILE_NAME.replace("\"", "\\\"")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        users.createUser(new NewUser(FRESH_USER, Api.DEMO_PASSWORD, "安全测试企业用户", Set.of(Role.ENTERPRISE),
                OrganisationKind.ENTERPRISE, freshUscc, false));
    }

    // 1. CSRF

    @Test
    void everyPostFormOnEveryRolesPageCarriesTheCsrfToken() {
        List<Seen> seen = new ArrayList<>();
        FormClient anonymous = new FormClient(port);
        seen.add(new Seen("anonymous", "/login", ok(anonymous.get("/login")).postForms()));
        Map<String, List<String>> pages = Map.of(
                "regulator", List.of("/console/regulator", "/console/regulator?city=" + aCity(),
                        "/console/enterprises/" + demoUscc),
                "analyst", List.of("/console/analyst", "/console/enterprises/" + demoUscc),
                "enterprise", List.of("/console/enterprise"),
                "bank-a", List.of("/console/bank"),
                "provider", List.of("/console/provider"),
                "park", List.of("/console/park", "/console/enterprises/" + insidePark),
                "verifier", List.of("/", "/console/enterprises/" + demoUscc),
                "citizen", List.of("/"));
        pages.forEach((user, paths) -> {
            FormClient b = FormClient.signedIn(port, user);
            for (String path : paths) {
                seen.add(new Seen(user, path, ok(b.get(path)).postForms()));
            }
            // the refusal page has the sign-out form too
            seen.add(new Seen(user, "403", b.get("provider".equals(user) ? "/console/bank" : "/console/provider").postForms()));
        });

        for (Seen s : seen) {
            assertThat(s.forms()).as("%s %s has post forms", s.who(), s.path()).isNotEmpty();
            for (FormClient.Form f : s.forms()) {
                assertThat(f.hasCsrfToken()).as("%s %s: form %s carries a hidden _csrf input", s.who(), s.path(),
                        f.action()).isTrue();
            }
        }
        // the forms that change something are there to be checked, not just the sign-out
        assertThat(actions(seen, "enterprise")).contains("/console/enterprise/consents", "/console/enterprise/objections", "/logout");
        assertThat(actions(seen, "provider")).contains("/console/provider/submissions");
        assertThat(actions(seen, "analyst")).anyMatch(a -> a.startsWith("/console/analyst/"));
        assertThat(actions(seen, "anonymous")).contains("/login");
    }

    @Test
    void anEnterprisesPageShowsEachRoleOnlyWhatTheApiWouldGiveIt() {
        // the analyst sees rating, findings and the enterprise's objections
        String analystsView = ok(FormClient.signedIn(port, "analyst").get("/console/enterprises/" + demoUscc)).body();
        assertThat(analystsView).contains("id=\"rating\"", "id=\"findings\"", "id=\"objections\"");
        // a verifier: rating and findings (as the API), not objections
        String verifiersView = ok(FormClient.signedIn(port, "verifier").get("/console/enterprises/" + demoUscc)).body();
        assertThat(verifiersView).contains("id=\"rating\"", "id=\"findings\"").doesNotContain("id=\"objections\"");
        // the park's administrator: its enterprise's accounts, no rating, findings or objections
        String parksView = ok(FormClient.signedIn(port, "park").get("/console/enterprises/" + insidePark)).body();
        assertThat(parksView).doesNotContain("id=\"rating\"", "id=\"findings\"", "id=\"objections\"");
        assertThat(Api.as(port, "park").get("/api/v1/enterprises/" + insidePark + "/ratings").status()).isEqualTo(403);
    }

    @Test
    void enterpriseFormsWithoutTheTokenAreRefusedAndChangeNothing() {
        Api api = Api.as(port, FRESH_USER);
        FormClient ent = FormClient.signedIn(port, FRESH_USER);
        String consents = "/api/v1/enterprises/" + freshUscc + "/consents";
        String objectionsApi = "/api/v1/enterprises/" + freshUscc + "/objections";
        Map<String, String> grant = Map.of("institution", bankA, "purpose", "LOAN_APPROVAL",
                "validUntil", LocalDate.now().plusMonths(6).toString());

        String before = api.get(consents).body();
        refused(ent.post("/console/enterprise/consents", grant, null));
        refused(ent.post("/console/enterprise/consents", grant, "not-the-token"));
        assertThat(api.get(consents).body()).isEqualTo(before);

        // with the page's token the same post works: the refusal was the token, nothing else
        var granted = ent.post("/console/enterprise/consents", grant, ok(ent.get("/console/enterprise")).csrf());
        assertThat(granted.status()).as(granted.toString()).isEqualTo(302);
        JsonNode list = api.get(consents).json();
        assertThat(list.size()).isEqualTo(tools.jackson.databind.json.JsonMapper.builder().build().readTree(before).size() + 1);
        long id = 0;
        for (JsonNode c : list) {
            id = Math.max(id, c.path("id").asLong());
        }
        String path = "/console/enterprise/consents/" + id + "/revocation";

        String beforeRevocation = api.get(consents).body();
        refused(ent.post(path, Map.of(), null));
        assertThat(api.get(consents).body()).isEqualTo(beforeRevocation);
        assertThat(status(api.get(consents).json(), id)).isEqualTo("ACTIVE");
        var revoked = ent.post(path, Map.of(), ok(ent.get("/console/enterprise")).csrf());
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(302);
        assertThat(status(api.get(consents).json(), id)).isEqualTo("REVOKED");

        String objections = api.get(objectionsApi).body();
        refused(ent.post("/console/enterprise/objections",
                Map.of("itemType", "MONTH_FIGURE", "itemRef", MONTH, "reason", "伪造的异议"), null));
        assertThat(api.get(objectionsApi).body()).isEqualTo(objections);

        // and the session is still signed in: a refused post does not end it
        assertThat(ent.get("/console/enterprise").status()).isEqualTo(200);
    }

    @Test
    void analystProviderAndSignOutPostsWithoutTheTokenAreRefusedAndChangeNothing() {
        Api analystApi = Api.as(port, "analyst");
        FormClient analyst = FormClient.signedIn(port, "analyst");
        String page = ok(analyst.get("/console/analyst")).body();
        long finding = firstId(page, "/console/analyst/findings/(\\d+)/notes");
        String findingBefore = analystApi.get("/api/v1/verification/findings/" + finding).body();
        String objectionsBefore = analystApi.get("/api/v1/objections?size=100").body();
        String overridesBefore = analystApi.get("/api/v1/ratings/overrides").body();

        refused(analyst.post("/console/analyst/findings/" + finding + "/notes",
                Map.of("note", "伪造的批注", "status", "RESOLVED"), null));
        long objection = firstIdOr(page, "/console/analyst/objections/(\\d+)/", 1);
        refused(analyst.post("/console/analyst/objections/" + objection + "/acknowledgement", Map.of("note", "x"), null));
        refused(analyst.post("/console/analyst/objections/" + objection + "/resolution",
                Map.of("outcome", "UPHELD", "answer", "伪造"), null));
        long override = firstIdOr(page, "/console/analyst/overrides/(\\d+)/decision", 1);
        refused(analyst.post("/console/analyst/overrides/" + override + "/decision",
                Map.of("approve", "true", "reason", "伪造"), null));

        assertThat(analystApi.get("/api/v1/verification/findings/" + finding).body()).isEqualTo(findingBefore);
        assertThat(analystApi.get("/api/v1/objections?size=100").body()).isEqualTo(objectionsBefore);
        assertThat(analystApi.get("/api/v1/ratings/overrides").body()).isEqualTo(overridesBefore);

        Api providerApi = Api.as(port, "provider");
        FormClient provider = FormClient.signedIn(port, "provider");
        String submissions = providerApi.get("/api/v1/intake/submissions").body();
        refused(provider.postMultipart("/console/provider/submissions",
                Map.of("dataset", "ACTIVITY", "formKey", "consec-forged-upload"), "forged.csv",
                "统一社会信用代码,月份\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), null));
        assertThat(providerApi.get("/api/v1/intake/submissions").body()).isEqualTo(submissions);

        // a forged sign-out is refused too, and the session lives on
        FormClient enterprise = FormClient.signedIn(port, "enterprise");
        refused(enterprise.post("/logout", Map.of(), null));
        assertThat(enterprise.get("/console/enterprise").status()).isEqualTo(200);
    }

    /*
     * Spring Security uses a lone defaultAccessDeniedHandlerFor(problems, "/api/**") for every request,
     * so without the page mapping a person whose session expired while a form was open got the API's
     * problem JSON instead of the console's error page.
     */
    @Test
    void aRefusedFormPostAnswersWithTheConsolePageInWords() {
        FormClient ent = FormClient.signedIn(port, "enterprise");
        // the everyday case: the session ended while the form was open, the old page's token is stale
        String token = ok(ent.get("/console/enterprise")).csrf();
        FormClient stale = new FormClient(port);
        stale.setCookie("JSESSIONID", "expired-" + System.nanoTime());
        inWords(stale.post("/console/enterprise/objections",
                Map.of("itemType", "MONTH_FIGURE", "itemRef", MONTH, "reason", "过期"), token), 403, "stale token", "无权");
        inWords(ent.post("/console/enterprise/objections",
                Map.of("itemType", "MONTH_FIGURE", "itemRef", MONTH, "reason", "伪造"), null), 403, "no token", "无权");
    }

    // 2. roles and tenants

    @Test
    void anotherRolesOrTenantsPageOrFragmentIsForbiddenInWords() {
        Map<String, List<String>> forbidden = Map.of(
                "bank-a", List.of("/console/regulator", "/console/analyst", "/console/enterprises/" + demoUscc,
                        "/console/enterprise", "/console/provider", "/console/park"),
                "enterprise", List.of("/console/regulator", "/console/regulator?city=" + aCity(), "/console/analyst",
                        "/console/enterprises/" + outsidePark, "/console/bank", "/console/provider", "/console/park"),
                "provider", List.of("/console/bank", "/console/regulator", "/console/enterprise",
                        "/console/enterprises/" + demoUscc, "/console/park"),
                "park", List.of("/console/enterprises/" + outsidePark, "/console/regulator", "/console/analyst",
                        "/console/bank", "/console/enterprise", "/console/provider"),
                "citizen", List.of("/console/regulator", "/console/analyst", "/console/enterprise", "/console/bank",
                        "/console/provider", "/console/park", "/console/enterprises/" + demoUscc),
                "analyst", List.of("/console/regulator", "/console/bank", "/console/enterprise", "/console/park"),
                "regulator", List.of("/console/analyst", "/console/bank", "/console/enterprise", "/console/provider",
                        "/console/park"));
        forbidden.forEach((user, paths) -> {
            FormClient b = FormClient.signedIn(port, user);
            for (String path : paths) {
                inWords(b.get(path), 403, user + " " + path, "无权");
                inWords(b.get(path, "HX-Request", "true"), 403, user + " " + path + " (htmx)", "无权");
            }
        });

        // the same pages open for their own role: the refusals above are about the role, not the page
        FormClient park = FormClient.signedIn(port, "park");
        assertThat(ok(park.get("/console/enterprises/" + insidePark)).body()).contains(insidePark);
        // the park's own page lists its enterprises and no other
        assertThat(ok(park.get("/console/park")).body()).doesNotContain(outsidePark);
        FormClient regulator = FormClient.signedIn(port, "regulator");
        assertThat(ok(regulator.get("/console/enterprises/" + outsidePark)).body()).contains(outsidePark);
        assertThat(ok(regulator.get("/console/regulator?city=" + aCity(), "HX-Request", "true")).body())
                .contains("id=\"panel\"").doesNotContain("<html");
        // the enterprise's own detail address leads to its own page
        FormClient enterprise = FormClient.signedIn(port, "enterprise");
        var own = enterprise.get("/console/enterprises/" + demoUscc);
        assertThat(own.status()).isEqualTo(302);
        assertThat(own.location()).endsWith("/console/enterprise");
    }

    @Test
    void aBankSeesOnlyTheEnterprisesThatConsentedToIt() {
        FormClient ent = FormClient.signedIn(port, FRESH_USER);
        var granted = ent.post("/console/enterprise/consents", Map.of("institution", bankA, "purpose",
                "POST_LOAN_MONITORING", "validUntil", LocalDate.now().plusMonths(3).toString()),
                ok(ent.get("/console/enterprise")).csrf());
        assertThat(granted.status()).as(granted.toString()).isEqualTo(302);

        String search = "/console/bank?q=" + freshUscc;
        assertThat(ok(FormClient.signedIn(port, "bank-a").get(search)).body()).contains(freshUscc);
        FormClient bankB = FormClient.signedIn(port, "bank-b");
        // (the search box echoes the term; the results name no enterprise)
        assertThat(ok(bankB.get(search)).body()).doesNotContain("<code>" + freshUscc, "report-html-" + freshUscc)
                .contains("bank-q");
        assertThat(ok(bankB.get(search, "HX-Request", "true")).body()).doesNotContain(freshUscc)
                .contains("id=\"results\"");
        assertThat(ok(bankB.get("/console/bank")).body()).doesNotContain(freshUscc);
    }

    @Test
    void anEnterpriseCannotRevokeAnotherEnterprisesConsentByItsNumber() {
        Api api = Api.as(port, FRESH_USER);
        String consents = "/api/v1/enterprises/" + freshUscc + "/consents";
        FormClient fresh = FormClient.signedIn(port, FRESH_USER);
        var granted = fresh.post("/console/enterprise/consents", Map.of("institution", bankA, "purpose", "LOAN_APPROVAL",
                "validUntil", LocalDate.now().plusMonths(2).toString()), ok(fresh.get("/console/enterprise")).csrf());
        assertThat(granted.status()).as(granted.toString()).isEqualTo(302);
        long id = 0;
        for (JsonNode c : api.get(consents).json()) {
            id = Math.max(id, c.path("id").asLong());
        }
        String before = api.get(consents).body();

        // the demo enterprise, with a valid token of its own, posts the other enterprise's consent number
        FormClient other = FormClient.signedIn(port, "enterprise");
        var r = other.post("/console/enterprise/consents/" + id + "/revocation", Map.of(),
                ok(other.get("/console/enterprise")).csrf());
        assertThat(r.status()).as(r.toString()).isIn(403, 404);
        inWords(r, r.status(), "revoking another enterprise's consent", r.status() == 403 ? "无权" : "未找到");
        assertThat(api.get(consents).body()).isEqualTo(before);
        assertThat(status(api.get(consents).json(), id)).isEqualTo("ACTIVE");
    }

    @Test
    void unknownCityIsNotFoundInWordsAndAnonymousIsSentToSignIn() {
        FormClient regulator = FormClient.signedIn(port, "regulator");
        inWords(regulator.get("/console/regulator?city=999999"), 404, "unknown city", "没有这个地市");
        inWords(regulator.get("/console/regulator?city=" + aCity() + "&industry=9999"), 404, "unknown industry", "没有这个行业");
        inWords(regulator.get("/console/regulator?city=999999", "HX-Request", "true"), 404, "unknown city (htmx)", "没有这个地市");
        inWords(regulator.get("/console/no-such-page"), 404, "unknown address", "没有这个页面");
        String unknown = "91140402MA0TXCN99";
        inWords(regulator.get("/console/enterprises/" + unknown + Uscc.checkCharacter(unknown)), 404, "unknown enterprise", "未找到");
        // a park administrator is not told whether an enterprise outside its park exists
        inWords(FormClient.signedIn(port, "park").get("/console/enterprises/" + unknown + Uscc.checkCharacter(unknown)), 403,
                "park, unknown enterprise", "无权");

        FormClient anonymous = new FormClient(port);
        for (String path : List.of("/", "/console/regulator", "/console/regulator?city=" + aCity(), "/console/enterprise",
                "/console/park",
                "/console/enterprises/" + demoUscc, "/console/bank", "/console/analyst", "/console/provider")) {
            var r = anonymous.get(path);
            assertThat(r.status()).as("anonymous " + path).isEqualTo(302);
            assertThat(r.location()).as("anonymous " + path).endsWith("/login");
            assertThat(anonymous.get(path, "HX-Request", "true").status()).as("anonymous htmx " + path).isEqualTo(302);
        }
    }

    @Test
    void badInputIsRefusedInWordsNeverAsAStackTraceAndPagesMayNotBeFramed() {
        FormClient analyst = FormClient.signedIn(port, "analyst");
        badInput(analyst.get("/console/analyst?page=-1"), "negative page", "分页参数无效");
        badInput(analyst.get("/console/analyst?page=abc"), "page not a number", "请求参数不正确");
        badInput(analyst.get("/console/analyst?severity=%3Cb%3Ex"), "unknown severity", "严重程度");
        badInput(FormClient.signedIn(port, "bank-a").get("/console/bank?q=" + "x".repeat(101)), "long search", "100");

        FormClient ent = FormClient.signedIn(port, FRESH_USER);
        String token = ok(ent.get("/console/enterprise")).csrf();
        badInput(ent.post("/console/enterprise/consents", Map.of("institution", bankA, "purpose", "LOAN_APPROVAL",
                "validUntil", "2020-01-01"), token), "consent in the past", "授权有效期");
        badInput(ent.post("/console/enterprise/consents", Map.of("institution", bankA, "purpose", "MARKETING",
                "validUntil", LocalDate.now().plusMonths(1).toString()), token), "unknown purpose", "查询目的无效");
        badInput(ent.post("/console/enterprise/consents", Map.of("institution", bankA, "purpose", "LOAN_APPROVAL",
                "validUntil", "tomorrow"), token), "date not a date", "请求参数不正确");
        badInput(ent.post("/console/enterprise/objections", Map.of("itemType", "NOPE", "itemRef", MONTH,
                "reason", "x"), token), "unknown item type", "异议事项类型无效");

        FormClient provider = FormClient.signedIn(port, "provider");
        badInput(provider.postMultipart("/console/provider/submissions", Map.of("dataset", "ACTIVITY"), "empty.csv",
                new byte[0], ok(provider.get("/console/provider")).csrf()), "empty upload", "请选择要上传的文件");

        for (String path : List.of("/login", "/console/regulator", "/console/enterprises/" + demoUscc)) {
            FormClient b = path.equals("/login") ? new FormClient(port) : FormClient.signedIn(port, "regulator");
            assertThat(ok(b.get(path)).header("X-Frame-Options")).as(path + " may not be framed").isEqualToIgnoringCase("DENY");
        }
    }

    // 3. hostile strings

    @Test
    void hostileStringsRenderAsText() {
        FormClient regulator = FormClient.signedIn(port, "regulator");
        String detail = ok(regulator.get("/console/enterprises/" + freshUscc)).body();
        assertThat(detail).contains(HOSTILE_NAME_ESCAPED).doesNotContain("<script>alert");
        String inEnglish = ok(regulator.get("/console/enterprises/" + freshUscc + "?lang=en")).body();
        assertThat(inEnglish).doesNotContain("<script>alert", "<img src=x");

        FormClient ent = FormClient.signedIn(port, FRESH_USER);
        String own = ok(ent.get("/console/enterprise")).body();
        assertThat(own).contains(HOSTILE_NAME_ESCAPED).doesNotContain("<script>alert");

        // text an enterprise types in comes back as text, on its page and on the regulator's
        FormClient accounted = FormClient.signedIn(port, ACCOUNTED_USER);
        var filed = accounted.post("/console/enterprise/objections", Map.of("itemType", "MONTH_FIGURE", "itemRef", MONTH,
                "reason", "\"><script>alert('reason')</script>数据有误"), ok(accounted.get("/console/enterprise")).csrf());
        assertThat(filed.status()).as(filed.toString()).isEqualTo(302);
        assertThat(ok(accounted.get("/console/enterprise")).body())
                .contains("&lt;script&gt;alert(&#39;reason&#39;)&lt;/script&gt;数据有误").doesNotContain("<script>alert");
        assertThat(ok(regulator.get("/console/enterprises/" + accountedUscc)).body())
                .contains("&lt;script&gt;alert(&#39;reason&#39;)&lt;/script&gt;数据有误").doesNotContain("<script>alert");

        // what comes in the address is text too: the bank's search box, an unknown city in the error page
        String bank = ok(FormClient.signedIn(port, "bank-a").get("/console/bank?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")).body();
        assertThat(bank).doesNotContain("<script>alert").contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        var city = regulator.get("/console/regulator?city=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(city.status()).isEqualTo(404);
        assertThat(city.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    // 4. session

    @Test
    void signingInChangesTheSessionIdAndSigningOutEndsTheSession() {
        FormClient b = new FormClient(port);
        var login = b.get("/login");
        String before = b.cookie("JSESSIONID").orElseThrow(() -> new AssertionError("no session before sign-in"));
        var done = b.post("/login", Map.of("username", "enterprise", "password", Api.DEMO_PASSWORD), login.csrf());
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).doesNotContain("error");
        String after = b.cookie("JSESSIONID").orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(done.setCookies()).filteredOn(c -> c.startsWith("JSESSIONID="))
                .as("the session cookie is out of scripts' reach").allMatch(c -> c.contains("HttpOnly")).isNotEmpty();
        assertThat(ok(b.get("/console/enterprise")).status()).isEqualTo(200);

        // whoever held the pre-sign-in id (a planted cookie) is not signed in by it
        FormClient planted = new FormClient(port);
        planted.setCookie("JSESSIONID", before);
        var fixated = planted.get("/console/enterprise");
        assertThat(fixated.status()).isEqualTo(302);
        assertThat(fixated.location()).endsWith("/login");

        var out = b.post("/logout", Map.of(), ok(b.get("/console/enterprise")).csrf());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).contains("/login?logout");
        FormClient stale = new FormClient(port);
        stale.setCookie("JSESSIONID", after);
        var gone = stale.get("/console/enterprise");
        assertThat(gone.status()).isEqualTo(302);
        assertThat(gone.location()).endsWith("/login");
        var again = b.get("/console/enterprise");
        assertThat(again.status()).isEqualTo(302);
        assertThat(again.location()).endsWith("/login");
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        FormClient b = new FormClient(port);
        var r = b.post("/login", Map.of("username", "regulator", "password", "wrong"), b.get("/login").csrf());
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).contains("/login?error");
        assertThat(b.get("/console/regulator").status()).isEqualTo(302);
    }

    // 5. language

    @Test
    void theEnglishSwitchIsRemembered() {
        FormClient b = new FormClient(port);
        var en = ok(b.get("/login?lang=en"));
        assertThat(en.setCookies()).anyMatch(c -> c.startsWith("tanxin-lang=en"));
        assertThat(en.body()).contains("Sign in");
        assertThat(ok(b.get("/login")).body()).contains("Sign in").doesNotContain(">登录<");

        var signedIn = b.post("/login", Map.of("username", "regulator", "password", Api.DEMO_PASSWORD), b.get("/login").csrf());
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(ok(b.get("/console/regulator")).body()).contains("Sign out").doesNotContain(">退出<");
        inWords(b.get("/console/bank"), 403, "regulator /console/bank in English", "Your role may not see this page");

        var zh = ok(b.get("/console/regulator?lang=zh"));
        assertThat(zh.body()).contains(">退出<");
        assertThat(ok(b.get("/console/regulator")).body()).contains(">退出<").doesNotContain("Sign out");
        assertThat(ok(new FormClient(port).get("/login")).body()).as("a new browser starts in Chinese").contains(">登录<");
    }

    // helpers

    private String aCity() {
        Matcher m = Pattern.compile("/console/regulator\\?city=(\\d+)\"").matcher(
                ok(FormClient.signedIn(port, "regulator").get("/console/regulator")).body());
        assertThat(m.find()).as("the province page links its cities").isTrue();
        return m.group(1);
    }

    private static FormClient.Page ok(FormClient.Page page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page;
    }

    /**
     * A post without a valid token: 403, no stack trace. Not asserted here: that the answer is the
     * console's page in words; today it is the API's problem JSON (see the disabled test below).
     */
    private static void refused(FormClient.Page page) {
        assertThat(page.status()).as("post without a valid CSRF token: " + page).isEqualTo(403);
        assertThat(page.body()).contains("无权").doesNotContain("Exception", "at io.tanxin", "at org.springframework");
    }

    /** Refused as bad input (400, or 422 for a well-formed request the domain refuses), in words. */
    private static void badInput(FormClient.Page page, String what, String words) {
        assertThat(page.status()).as(what + ": " + page).isIn(400, 422);
        inWords(page, page.status(), what, words);
    }

    private static void inWords(FormClient.Page page, int status, String what, String words) {
        assertThat(page.status()).as(what + ": " + page).isEqualTo(status);
        assertThat(page.body()).as(what).contains(words).contains("<html")
                .doesNotContain("Exception", "at io.tanxin", "at org.springframework", "\"status\":");
    }

    record Seen(String who, String path, List<FormClient.Form> forms) {
    }

    private static List<String> actions(List<Seen> seen, String who) {
        return seen.stream().filter(s -> s.who().equals(who)).flatMap(s -> s.forms().stream())
                .map(FormClient.Form::action).toList();
    }

    private static String status(JsonNode consents, long id) {
        for (JsonNode c : consents) {
            if (c.path("id").asLong() == id) {
                return c.path("status").asString();
            }
        }
        throw new AssertionError("no consent " + id + " in " + consents);
    }

    private static long firstId(String page, String regex) {
        Matcher m = Pattern.compile(regex).matcher(page);
        assertThat(m.find()).as("the page has a form matching " + regex).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long firstIdOr(String page, String regex, long otherwise) {
        Matcher m = Pattern.compile(regex).matcher(page);
        return m.find() ? Long.parseLong(m.group(1)) : otherwise;
    }
}
