package io.tanxin.reporting;

import static io.tanxin.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.tanxin.evidence.EvidenceAlert;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.evidence.EvidenceVerification;
import io.tanxin.identity.Actor;
import io.tanxin.identity.OrganisationKind;
import io.tanxin.identity.Role;
import io.tanxin.reporting.internal.ConsentEvidence;
import io.tanxin.reporting.internal.QueryEvidence;
import io.tanxin.shared.DomainException;
import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The legal rules of access: consent, purpose, validity, and the record of every read. */
@IntegrationTest
class ReportAccessTest {

    static final String FEATURED = "91140300MA0TX20251";
    static final Actor BANK_A = new Actor("bank-a", "工商银行客户经理", Set.of(Role.BANK_OFFICER),
            OrganisationKind.INSTITUTION, "BANK_A");
    static final Actor BANK_A_ADMIN = new Actor("bank-a-admin", "工商银行管理员", Set.of(Role.BANK_ADMIN),
            OrganisationKind.INSTITUTION, "BANK_A");
    static final Actor BANK_B = new Actor("bank-b", "兴业银行客户经理", Set.of(Role.BANK_OFFICER),
            OrganisationKind.INSTITUTION, "BANK_B");
    static final Actor REGULATOR = new Actor("regulator", "人行山西分行监管员", Set.of(Role.REGULATOR),
            OrganisationKind.INSTITUTION, "PBC_SX");
    static final Actor ANALYST = new Actor("analyst", "征信机构分析师", Set.of(Role.AGENCY_ANALYST),
            OrganisationKind.INSTITUTION, "TANXIN_AGENCY");
    static final Actor ENTERPRISE = new Actor("enterprise", "示范新材料企业用户", Set.of(Role.ENTERPRISE),
            OrganisationKind.ENTERPRISE, FEATURED);

    @LocalServerPort
    int port;

    @Autowired
    ReportAccess access;

    @Autowired
    ConsentManagement consents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EvidenceLog evidenceLog;

    @Autowired
    EvidenceVerification verification;

    @Autowired
    ConsentEvidence consentEvidence;

    @Autowired
    QueryEvidence queryEvidence;

    @Test
    void aConsentLetsItsBankInForItsPurposeAndEveryReadIsLogged() {
        JsonNode consent = grant("BANK_A", "LOAN_APPROVAL", LocalDate.now().plusMonths(6));
        long consentId = consent.path("id").asLong();
        assertThat(consent.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(consent.path("institutionName").asString()).isEqualTo("中国工商银行山西省分行");

        QueryRecord officer = access.authorize(BANK_A, FEATURED, ReportPurpose.LOAN_APPROVAL);
        QueryRecord admin = access.authorize(BANK_A_ADMIN, FEATURED, ReportPurpose.LOAN_APPROVAL);
        assertThat(officer.basis()).isEqualTo(AccessBasis.CONSENT);
        assertThat(officer.consentId()).isEqualTo(consentId);
        assertThat(officer.organisationCode()).isEqualTo("BANK_A");
        assertThat(officer.username()).isEqualTo("bank-a");
        assertThat(officer.purpose()).isEqualTo(ReportPurpose.LOAN_APPROVAL);
        assertThat(admin.consentId()).isEqualTo(consentId);

        // the consent is for loan approval only
        assertDenied(() -> access.authorize(BANK_A, FEATURED, ReportPurpose.POST_LOAN_MONITORING));

        List<Long> enterpriseSees = ids(Api.as(port, "enterprise").get("/api/v1/enterprises/" + FEATURED
                + "/queries?size=200").json());
        assertThat(enterpriseSees).contains(officer.id(), admin.id());
        assertThat(ids(Api.as(port, "regulator").get("/api/v1/enterprises/" + FEATURED + "/queries?size=200").json()))
                .contains(officer.id());
        assertThat(ids(Api.as(port, "bank-a").get("/api/v1/institutions/me/queries?size=200").json()))
                .contains(officer.id(), admin.id());
        assertThat(ids(Api.as(port, "bank-b").get("/api/v1/institutions/me/queries?size=200").json()))
                .doesNotContain(officer.id(), admin.id());

        JsonNode record = find(Api.as(port, "enterprise").get("/api/v1/enterprises/" + FEATURED + "/queries?size=200")
                .json(), officer.id());
        assertThat(record.path("organisationName").asString()).isEqualTo("中国工商银行山西省分行");
        assertThat(record.path("basis").asString()).isEqualTo("CONSENT");
        assertThat(record.path("consentId").asLong()).isEqualTo(consentId);

        JsonNode mine = Api.as(port, "bank-a").get("/api/v1/institutions/me/consents").json();
        assertThat(ids(mine)).contains(consentId);
    }

    @Test
    void aRetriedGrantWithTheSameIdempotencyKeyGrantsOnce() {
        String path = "/api/v1/enterprises/" + FEATURED + "/consents";
        String body = grantJson("CMB_TY", "LOAN_APPROVAL", LocalDate.now().plusMonths(4));
        Api.Response first = Api.as(port, "enterprise").postWithHeader(path, body, "Idempotency-Key", "consent-retry-1");
        Api.Response again = Api.as(port, "enterprise").postWithHeader(path, body, "Idempotency-Key", "consent-retry-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(consents.forInstitution("CMB_TY")).hasSize(1);
    }

    @Test
    void aConsentOfBankADoesNotLetBankBIn() {
        grant("BANK_A", "LOAN_APPROVAL", LocalDate.now().plusMonths(3));
        assertDenied(() -> access.authorize(BANK_B, FEATURED, ReportPurpose.LOAN_APPROVAL));
        assertThat(ids(Api.as(port, "bank-b").get("/api/v1/institutions/me/consents").json())).isEmpty();
    }

    @Test
    void aBankWithoutConsentLearnsNothingNotEvenWhetherTheEnterpriseExists() {
        DomainException existing = assertDenied(() -> access.authorize(BANK_B, FEATURED, ReportPurpose.LOAN_APPROVAL));
        DomainException missing = assertDenied(() -> access.authorize(BANK_B, "91999999MA0XXXXXX9",
                ReportPurpose.LOAN_APPROVAL));
        DomainException malformed = assertDenied(() -> access.authorize(BANK_B, "<script>", null));
        for (DomainException e : List.of(missing, malformed)) {
            assertThat(e.status()).isEqualTo(existing.status()).isEqualTo(403);
            assertThat(e.messageZh()).isEqualTo(existing.messageZh());
            assertThat(e.messageEn()).isEqualTo(existing.messageEn());
        }
        // other roles without a basis are refused the same way
        Actor citizen = new Actor("citizen", "市民", Set.of(Role.CITIZEN), OrganisationKind.CITIZEN, "C1");
        assertDenied(() -> access.authorize(citizen, FEATURED, ReportPurpose.LOAN_APPROVAL));
        Actor otherEnterprise = new Actor("x", "其他企业", Set.of(Role.ENTERPRISE), OrganisationKind.ENTERPRISE,
                "91999999MA0XXXXXX9");
        assertDenied(() -> access.authorize(otherEnterprise, FEATURED, ReportPurpose.SELF_INQUIRY));
    }

    @Test
    void aRevokedConsentNoLongerLetsTheBankIn() {
        long id = grant("BANK_A", "POST_LOAN_MONITORING", LocalDate.now().plusYears(1)).path("id").asLong();
        assertThat(access.authorize(BANK_A, FEATURED, ReportPurpose.POST_LOAN_MONITORING).consentId()).isEqualTo(id);

        Api.Response revoked = Api.as(port, "enterprise").delete("/api/v1/enterprises/" + FEATURED + "/consents/" + id);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.body()).contains("\"status\":\"REVOKED\"", "\"revokedBy\":\"enterprise\"");
        assertDenied(() -> access.authorize(BANK_A, FEATURED, ReportPurpose.POST_LOAN_MONITORING));

        // revoking again is a retry, answered with the consent as revoked (ConsentIdempotencyApiTest)
        Api.Response again = Api.as(port, "enterprise").post("/api/v1/enterprises/" + FEATURED + "/consents/" + id
                + "/revocation", "{}");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("status").asString()).isEqualTo("REVOKED");
        // kept with its history
        JsonNode history = find(Api.as(port, "enterprise").get("/api/v1/enterprises/" + FEATURED + "/consents").json(), id);
        assertThat(history.path("grantedAt").asString()).isNotBlank();
        assertThat(history.path("revokedAt").asString()).isNotBlank();
    }

    @Test
    void anExpiredConsentNoLongerLetsTheBankInAndOneEndingSoonIsFlagged() {
        String other = otherEnterprise();
        long expired = insertConsent(other, "BANK_A", "LOAN_APPROVAL", LocalDate.now().minusDays(2));
        long endingSoon = insertConsent(other, "BANK_A", "POST_LOAN_MONITORING", LocalDate.now().plusDays(10));
        assertDenied(() -> access.authorize(BANK_A, other, ReportPurpose.LOAN_APPROVAL));
        assertThat(access.authorize(BANK_A, other, ReportPurpose.POST_LOAN_MONITORING).consentId()).isEqualTo(endingSoon);

        JsonNode mine = Api.as(port, "bank-a").get("/api/v1/institutions/me/consents").json();
        assertThat(find(mine, expired).path("status").asString()).isEqualTo("EXPIRED");
        assertThat(find(mine, expired).path("expiringSoon").asBoolean()).isFalse();
        assertThat(find(mine, endingSoon).path("expiringSoon").asBoolean()).isTrue();
    }

    @Test
    void theEnterprisesOwnReadsAndThoseOfRegulatorAndAgencyAreLoggedToo() {
        QueryRecord own = access.authorize(ENTERPRISE, FEATURED, null);
        QueryRecord regulator = access.authorize(REGULATOR, FEATURED, null);
        QueryRecord analyst = access.authorize(ANALYST, FEATURED, ReportPurpose.LOAN_APPROVAL);
        assertThat(own.basis()).isEqualTo(AccessBasis.OWN);
        assertThat(own.purpose()).isEqualTo(ReportPurpose.SELF_INQUIRY);
        assertThat(regulator.basis()).isEqualTo(AccessBasis.REGULATOR);
        assertThat(analyst.basis()).isEqualTo(AccessBasis.AGENCY);
        assertThat(analyst.purpose()).as("the agency reads for its own purpose").isEqualTo(ReportPurpose.AGENCY_REVIEW);
        assertThat(ids(Api.as(port, "analyst").get("/api/v1/enterprises/" + FEATURED + "/queries?size=200").json()))
                .contains(own.id(), regulator.id(), analyst.id());
        // read back from the database: a read without consent has none (it used to come back as consent 0)
        JsonNode listed = Api.as(port, "analyst").get("/api/v1/enterprises/" + FEATURED + "/queries?size=200").json();
        assertThat(find(listed, analyst.id()).path("consentId").isNumber()).isFalse();
        assertThat(queryEvidence.recompute(QueryEvidence.KIND + ":" + analyst.id()).map(String::new).orElseThrow())
                .doesNotContain("consent=");
        // queries older than two years are not in the list
        jdbc.sql("UPDATE reporting_query SET queried_at = ? WHERE id = ?")
                .params(OffsetDateTime.now().minusYears(2).minusDays(2), own.id()).update();
        assertThat(ids(Api.as(port, "enterprise").get("/api/v1/enterprises/" + FEATURED + "/queries?size=200").json()))
                .doesNotContain(own.id()).contains(regulator.id());
    }

    @Test
    void onlyTheRightRolesSeeConsentsAndQueries() {
        assertProblem(Api.as(port, "bank-a").get("/api/v1/enterprises/" + FEATURED + "/queries"), 403, "FORBIDDEN");
        assertProblem(Api.as(port, "bank-a").get("/api/v1/enterprises/" + FEATURED + "/consents"), 403, "FORBIDDEN");
        assertProblem(Api.as(port, "enterprise").get("/api/v1/enterprises/" + otherEnterprise() + "/queries"), 403,
                "FORBIDDEN_TENANT");
        assertProblem(Api.as(port, "enterprise").get("/api/v1/institutions/me/consents"), 403, "FORBIDDEN");
        assertProblem(Api.as(port, "bank-a").post("/api/v1/enterprises/" + FEATURED + "/consents",
                grantJson("BANK_A", "LOAN_APPROVAL", LocalDate.now().plusMonths(1))), 403, "FORBIDDEN");
        assertProblem(Api.as(port, "enterprise").post("/api/v1/enterprises/" + otherEnterprise() + "/consents",
                grantJson("BANK_A", "LOAN_APPROVAL", LocalDate.now().plusMonths(1))), 403, "FORBIDDEN_TENANT");
        assertThat(Api.as(port, "regulator").get("/api/v1/enterprises/" + FEATURED + "/consents").status()).isEqualTo(200);
    }

    @Test
    void aConsentNamesAnExistingFinancialInstitutionAndEndsWithinTwoYears() {
        Api enterprise = Api.as(port, "enterprise");
        String path = "/api/v1/enterprises/" + FEATURED + "/consents";
        assertProblem(enterprise.post(path, grantJson("NO_SUCH_BANK", "LOAN_APPROVAL", LocalDate.now().plusMonths(1))),
                422, "INSTITUTION_NOT_FOUND");
        assertProblem(enterprise.post(path, grantJson("TANXIN_AGENCY", "LOAN_APPROVAL", LocalDate.now().plusMonths(1))),
                422, "INSTITUTION_NOT_FINANCIAL");
        assertProblem(enterprise.post(path, grantJson("BANK_A", "LOAN_APPROVAL", LocalDate.now().minusDays(1))),
                422, "CONSENT_VALIDITY_INVALID");
        assertProblem(enterprise.post(path, grantJson("BANK_A", "LOAN_APPROVAL", LocalDate.now().plusYears(2).plusDays(2))),
                422, "CONSENT_VALIDITY_INVALID");
        assertProblem(enterprise.post(path, grantJson("BANK_A", "SPECULATION", LocalDate.now().plusMonths(1))),
                400, "INVALID_PURPOSE");
        assertProblem(enterprise.post(path, grantJson("BANK_A", "SUPERVISION", LocalDate.now().plusMonths(1))),
                400, "INVALID_PURPOSE");
    }

    @Test
    void grantsRevocationsAndQueriesAreLeavesThatTheirSourcesRecompute() {
        long id = grant("BANK_A", "LOAN_APPROVAL", LocalDate.now().plusMonths(2)).path("id").asLong();
        QueryRecord read = access.authorize(BANK_A, FEATURED, ReportPurpose.LOAN_APPROVAL);
        evidenceLog.sequence();
        String consentRef = "consent:" + id;
        String queryRef = "report_query:" + read.id();
        assertThat(evidenceLog.leafFor(consentRef).orElseThrow().data())
                .isEqualTo(consentEvidence.recompute(consentRef).orElseThrow());
        assertThat(evidenceLog.leafFor(queryRef).orElseThrow().data())
                .isEqualTo(queryEvidence.recompute(queryRef).orElseThrow());
        assertThat(new String(evidenceLog.leafFor(queryRef).orElseThrow().data())).contains("consent=" + read.consentId(), "user=bank-a");

        assertThat(Api.as(port, "enterprise").post("/api/v1/enterprises/" + FEATURED + "/consents/" + id + "/revocation",
                "{}").status()).isEqualTo(200);
        evidenceLog.sequence();
        byte[] revokedLeaf = evidenceLog.leafFor(consentRef).orElseThrow().data();
        assertThat(new String(revokedLeaf)).contains("revokedBy=enterprise");
        assertThat(revokedLeaf).isEqualTo(consentEvidence.recompute(consentRef).orElseThrow());

        // a consent or query changed behind the log's back no longer matches its leaf
        jdbc.sql("UPDATE reporting_consent SET valid_until = ? WHERE id = ?")
                .params(LocalDate.now().plusYears(1), id).update();
        jdbc.sql("UPDATE reporting_query SET username = 'someone-else' WHERE id = ?").param(read.id()).update();
        assertThat(consentEvidence.recompute(consentRef).orElseThrow()).isNotEqualTo(revokedLeaf);
        assertThat(queryEvidence.recompute(queryRef).orElseThrow())
                .isNotEqualTo(evidenceLog.leafFor(queryRef).orElseThrow().data());
        List<EvidenceAlert> alerts = verification.verifyNow().newAlerts();
        assertThat(alerts).filteredOn(a -> a.code().equals("EVIDENCE_SOURCE_MISMATCH")).extracting(EvidenceAlert::recordRef)
                .contains(consentRef, queryRef);
    }

    @Test
    void refusedReadsAreAuditedForRegulatorsAndAnalystsButAreNeitherShownNorCountedAsQueries() {
        String uscc = jdbc.sql("SELECT uscc FROM enterprise WHERE uscc <> ? ORDER BY uscc OFFSET 7 LIMIT 1")
                .param(FEATURED).query(String.class).single();
        long queriesBefore = queryCount(uscc);

        // no consent at all, through the report endpoint as a bank would call it
        assertProblem(Api.as(port, "bank-b").get("/api/v1/enterprises/" + uscc + "/credit-report", "application/json"),
                403, "REPORT_ACCESS_DENIED");
        long revoked = insertConsent(uscc, "BANK_A", "POST_LOAN_MONITORING", LocalDate.now().plusYears(1));
        jdbc.sql("UPDATE reporting_consent SET revoked_at = ?, revoked_by = 'test' WHERE id = ?")
                .params(OffsetDateTime.now().minusDays(1), revoked).update();
        assertDenied(() -> access.authorize(BANK_A, uscc, ReportPurpose.POST_LOAN_MONITORING));
        insertConsent(uscc, "BANK_A", "LOAN_APPROVAL", LocalDate.now().minusDays(3));
        assertDenied(() -> access.authorize(BANK_A_ADMIN, uscc, ReportPurpose.LOAN_APPROVAL));
        Actor citizen = new Actor("citizen", "市民", Set.of(Role.CITIZEN), OrganisationKind.CITIZEN, "C1");
        assertDenied(() -> access.authorize(citizen, uscc, null));

        for (String user : List.of("regulator", "analyst")) {
            Api.Response listed = Api.as(port, user).get("/api/v1/report-access-refusals?uscc=" + uscc);
            assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
            JsonNode items = listed.json().path("items");
            assertThat(listed.json().path("total").asLong()).isEqualTo(4);
            // the newest first
            assertThat(items.findValuesAsString("reason")).containsExactly("ROLE_WITHOUT_ACCESS", "CONSENT_EXPIRED",
                    "CONSENT_REVOKED", "NO_CONSENT");
            assertThat(items.findValuesAsString("username")).containsExactly("citizen", "bank-a-admin", "bank-a",
                    "bank-b");
            assertThat(items.findValuesAsString("problemCode")).containsOnly("REPORT_ACCESS_DENIED");
            assertThat(items.findValuesAsString("requestedUscc")).containsOnly(uscc);
            JsonNode bankB = items.get(3);
            assertThat(bankB.path("organisationCode").asString()).isEqualTo("BANK_B");
            assertThat(bankB.path("roles").asString()).isEqualTo("BANK_OFFICER");
            assertThat(bankB.path("purpose").asString()).isEqualTo("LOAN_APPROVAL");
            assertThat(bankB.path("refusedAt").asString()).isNotBlank();
        }
        // a refusal of a USCC that does not exist is kept as it was asked for
        assertDenied(() -> access.authorize(BANK_B, "<script>", null));
        assertThat(Api.as(port, "regulator").get("/api/v1/report-access-refusals?size=200").json().path("items")
                .findValuesAsString("requestedUscc")).contains("<script>", uscc);

        // neither the refused bank nor the enterprise sees the audit
        assertProblem(Api.as(port, "bank-b").get("/api/v1/report-access-refusals"), 403, "FORBIDDEN");
        assertProblem(Api.as(port, "enterprise").get("/api/v1/report-access-refusals"), 403, "FORBIDDEN");
        // and a refusal is not a query: nothing in the query log or in the next report
        assertThat(queryCount(uscc)).isEqualTo(queriesBefore);
        assertThat(ids(Api.as(port, "bank-b").get("/api/v1/institutions/me/queries?size=200").json())).allSatisfy(
                id -> assertThat(jdbc.sql("SELECT uscc FROM reporting_query WHERE id = ?").param(id)
                        .query(String.class).single()).isNotEqualTo(uscc));
        JsonNode report = Api.as(port, "regulator").get("/api/v1/enterprises/" + uscc + "/credit-report",
                "application/json").json();
        assertThat(report.path("body").path("queryRecords").findValuesAsString("username")).contains("regulator")
                .doesNotContain("bank-a", "bank-a-admin", "bank-b", "citizen");
    }

    private long queryCount(String uscc) {
        return jdbc.sql("SELECT COUNT(*) FROM reporting_query WHERE uscc = ?").param(uscc).query(Long.class).single();
    }


    private JsonNode grant(String institution, String purpose, LocalDate until) {
        Api.Response r = Api.as(port, "enterprise").post("/api/v1/enterprises/" + FEATURED + "/consents",
                grantJson(institution, purpose, until));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static String grantJson(String institution, String purpose, LocalDate until) {
        return "{\"institutionCode\":\"" + institution + "\",\"purpose\":\"" + purpose + "\",\"validUntil\":\"" + until
                + "\"}";
    }

    private long insertConsent(String uscc, String institution, String purpose, LocalDate until) {
        return jdbc.sql("INSERT INTO reporting_consent (uscc, institution_code, purpose, valid_until, granted_at, granted_by) "
                + "VALUES (?, ?, ?, ?, ?, 'test') RETURNING id")
                .params(uscc, institution, purpose, until, OffsetDateTime.now().minusMonths(6)).query(Long.class).single();
    }

    private String otherEnterprise() {
        return jdbc.sql("SELECT uscc FROM enterprise WHERE uscc <> ? ORDER BY uscc LIMIT 1").param(FEATURED)
                .query(String.class).single();
    }

    private static DomainException assertDenied(Runnable call) {
        DomainException e = catchThrowableOfType(DomainException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.code()).isEqualTo("REPORT_ACCESS_DENIED");
        assertThat(e.status()).isEqualTo(403);
        return e;
    }

    private static List<Long> ids(JsonNode pageOrList) {
        JsonNode items = pageOrList.has("items") ? pageOrList.path("items") : pageOrList;
        List<Long> ids = new ArrayList<>();
        items.forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }

    private static JsonNode find(JsonNode pageOrList, long id) {
        JsonNode items = pageOrList.has("items") ? pageOrList.path("items") : pageOrList;
        for (JsonNode n : items) {
            if (n.path("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("no item " + id + " in " + pageOrList);
    }
}
