package io.tanxin.reporting;

import static io.tanxin.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Retries of consent writes are idempotent: the same key and body answer as the first request did,
 * the same key for another consent is refused, and revoking twice revokes once.
 */
@IntegrationTest
class ConsentIdempotencyApiTest {

    static final String FEATURED = "91140300MA0TX20251";
    static final String CONSENTS = "/api/v1/enterprises/" + FEATURED + "/consents";

    @LocalServerPort
    int port;

    @Autowired
    ConsentManagement consents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aKeyReusedForAnotherConsentIsRefusedAndWritesNothing() {
        Api enterprise = Api.as(port, "enterprise");
        LocalDate until = LocalDate.now().plusMonths(6);
        String asked = grantJson("CITIC_TY", "LOAN_APPROVAL", until);
        Api.Response first = enterprise.postWithHeader(CONSENTS, asked, "Idempotency-Key", "consent-reuse-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("replayed").asBoolean()).isFalse();
        long id = first.json().path("id").asLong();
        long consentsBefore = count("SELECT COUNT(*) FROM reporting_consent");
        long leavesBefore = count("SELECT COUNT(*) FROM evidence_leaf WHERE kind = 'consent'");

        // another institution, purpose or term with the same key: the client must not believe it has it
        for (String other : new String[] {grantJson("SPDB_TY", "LOAN_APPROVAL", until),
                grantJson("CITIC_TY", "POST_LOAN_MONITORING", until),
                grantJson("CITIC_TY", "LOAN_APPROVAL", until.plusDays(1))}) {
            Api.Response r = enterprise.postWithHeader(CONSENTS, other, "Idempotency-Key", "consent-reuse-1");
            assertProblem(r, 422, "IDEMPOTENCY_KEY_REUSED");
            assertThat(r.json().path("messageEn").asString()).contains("#" + id);
        }
        // a malformed request with a used key is refused for its own fault
        assertProblem(enterprise.postWithHeader(CONSENTS, grantJson("NO_SUCH_BANK", "LOAN_APPROVAL", until),
                "Idempotency-Key", "consent-reuse-1"), 422, "INSTITUTION_NOT_FOUND");
        assertProblem(enterprise.postWithHeader(CONSENTS, grantJson("CITIC_TY", "SUPERVISION", until),
                "Idempotency-Key", "consent-reuse-1"), 400, "INVALID_PURPOSE");
        assertProblem(enterprise.postWithHeader(CONSENTS, grantJson("CITIC_TY", "LOAN_APPROVAL",
                LocalDate.now().plusYears(5)), "Idempotency-Key", "consent-reuse-1"), 422, "CONSENT_VALIDITY_INVALID");

        assertThat(count("SELECT COUNT(*) FROM reporting_consent")).isEqualTo(consentsBefore);
        assertThat(count("SELECT COUNT(*) FROM evidence_leaf WHERE kind = 'consent'")).isEqualTo(leavesBefore);
        assertThat(consents.forInstitution("SPDB_TY")).isEmpty();
        assertThat(consents.validConsent(FEATURED, "CITIC_TY", ReportPurpose.POST_LOAN_MONITORING)).isEmpty();

        // the genuine retry (the same body, spelled with other blanks and case) replays the first answer
        Api.Response again = enterprise.postWithHeader(CONSENTS,
                "{ \"purpose\": \"loan_approval\", \"validUntil\": \"" + until + "\", \"institutionCode\": \"CITIC_TY\" }",
                "Idempotency-Key", "consent-reuse-1");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(again.json().path("id").asLong()).isEqualTo(id);
        assertThat(again.json().path("institutionCode").asString()).isEqualTo("CITIC_TY");
        assertThat(again.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(count("SELECT COUNT(*) FROM reporting_consent")).isEqualTo(consentsBefore);
        assertThat(count("SELECT COUNT(*) FROM evidence_leaf WHERE kind = 'consent'")).isEqualTo(leavesBefore);
    }

    @Test
    void concurrentFirstRequestsWithOneKeyMakeOneConsentAndAllAnswerWithIt() throws Exception {
        String asked = grantJson("CITIC_TY", "POST_LOAN_MONITORING", LocalDate.now().plusMonths(3));
        int clients = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<Api.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return Api.as(port, "enterprise").postWithHeader(CONSENTS, asked, "Idempotency-Key", "consent-race-1");
                }));
            }
            start.countDown();
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (var answer : answers) {
                Api.Response r = answer.get();
                assertThat(r.status()).as(r.toString()).isIn(200, 201);
                ids.add(r.json().path("id").asLong());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revokingAgainAnswersWithTheRevokedConsentAndLogsTheRevocationOnce() {
        Api enterprise = Api.as(port, "enterprise");
        Api.Response granted = enterprise.post(CONSENTS, grantJson("JSB", "LOAN_APPROVAL", LocalDate.now().plusMonths(3)));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        long id = granted.json().path("id").asLong();
        String revocation = CONSENTS + "/" + id + "/revocation";

        Api.Response revoked = enterprise.post(revocation, "{}");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().path("status").asString()).isEqualTo("REVOKED");
        String revokedAt = revoked.json().path("revokedAt").asString();
        assertThat(leaves(id)).as("the grant and the revocation").isEqualTo(2);

        Api.Response again = enterprise.post(revocation, "{}");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("id").asLong()).isEqualTo(id);
        assertThat(again.json().path("status").asString()).isEqualTo("REVOKED");
        assertThat(again.json().path("revokedAt").asString()).isEqualTo(revokedAt);
        assertThat(again.json().path("revokedBy").asString()).isEqualTo("enterprise");

        Api.Response deleted = Api.as(port, "enterprise").delete(CONSENTS + "/" + id);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).contains("\"status\":\"REVOKED\"", "\"revokedAt\":\"" + revokedAt + "\"");

        assertThat(leaves(id)).as("no second revocation in the evidence log").isEqualTo(2);
        assertThat(consents.validConsent(FEATURED, "JSB", ReportPurpose.LOAN_APPROVAL)).isEmpty();
        // still only the enterprise's own consents
        assertProblem(enterprise.post(CONSENTS + "/999999999/revocation", "{}"), 404, "CONSENT_NOT_FOUND");
    }

    private long leaves(long consentId) {
        return count("SELECT COUNT(*) FROM evidence_leaf WHERE record_ref = 'consent:" + consentId + "'");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String grantJson(String institution, String purpose, LocalDate until) {
        return "{\"institutionCode\":\"" + institution + "\",\"purpose\":\"" + purpose + "\",\"validUntil\":\"" + until
                + "\"}";
    }

}
