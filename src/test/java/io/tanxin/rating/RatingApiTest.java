package io.tanxin.rating;

import static io.tanxin.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import io.tanxin.evidence.EvidenceLog;
import io.tanxin.rating.internal.OverrideEvidence;
import io.tanxin.rating.internal.RatingEvidence;
import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RatingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RatingEvents events;

    @Autowired
    EvidenceLog evidenceLog;

    @Autowired
    RatingEvidence ratingEvidence;

    @Autowired
    OverrideEvidence overrideEvidence;

    @Autowired
    PlatformTransactionManager transactions;

    String own() {
        return Api.as(port, "enterprise").get("/api/v1/identity/me").json().path("organisationCode").asString();
    }

    String usccWith(String label) {
        return jdbc.sql("SELECT r.uscc FROM rating r JOIN (SELECT MAX(id) AS id FROM rating WHERE period_kind = 'YEAR' "
                + "AND rating_year = 2025 GROUP BY uscc) m ON m.id = r.id WHERE r.label = ? AND r.uscc NOT IN "
                + "(SELECT uscc FROM penalty) AND r.uscc NOT IN (SELECT uscc FROM rating_override) ORDER BY r.uscc "
                + "FETCH FIRST 1 ROWS ONLY").param(label).query(String.class).single();
    }

    @Test
    void demoEnterprisesAreRatedWithReasonsAndAnEnterpriseReadsOnlyItsOwn() {
        long rated = jdbc.sql("SELECT COUNT(DISTINCT uscc) FROM rating WHERE period_kind = 'YEAR' AND rating_year = 2025")
                .query(Long.class).single();
        assertThat(rated).isGreaterThan(1000);
        String own = own();
        var mine = Api.as(port, "enterprise").get("/api/v1/enterprises/" + own + "/ratings/current?year=2025");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        JsonNode r = mine.json();
        assertThat(r.path("modelVersion").asString()).isEqualTo("v1");
        assertThat(r.path("label").asString()).isIn("DARK_GREEN", "LIGHT_GREEN", "YELLOW", "RED");
        assertThat(r.path("score").asDouble()).isBetween(0.0, 100.0);
        assertThat(r.path("kGrade").asInt()).isBetween(1, 5);
        assertThat(r.path("indicators").size()).isEqualTo(8);
        assertThat(r.path("reasons").size()).isGreaterThan(0);
        assertThat(r.path("reasons").get(0).path("textZh").asString()).isNotBlank();

        var history = Api.as(port, "enterprise").get("/api/v1/enterprises/" + own + "/ratings");
        assertThat(history.status()).isEqualTo(200);
        Set<Integer> years = new HashSet<>();
        history.json().forEach(n -> years.add(n.path("year").asInt()));
        assertThat(years).contains(2023, 2024, 2025);
        // the rolling twelve months end with the newest month that has an account (the demo's accounts end 2025-12)
        var rolling = Api.as(port, "analyst").get("/api/v1/enterprises/" + own + "/ratings/rolling");
        assertThat(rolling.status()).as(rolling.toString()).isEqualTo(200);
        assertThat(rolling.json().path("periodKind").asString()).isEqualTo("ROLLING_12M");
        java.time.YearMonth end = java.time.YearMonth.parse(rolling.json().path("periodEnd").asString());
        assertThat(end).isBetween(java.time.YearMonth.of(2025, 12), java.time.YearMonth.now());
        assertThat(rolling.json().path("label").asString()).isIn("DARK_GREEN", "LIGHT_GREEN", "YELLOW", "RED");

        String other = usccWith("YELLOW");
        assertProblem(Api.as(port, "enterprise").get("/api/v1/enterprises/" + other + "/ratings"), 403, "FORBIDDEN_TENANT");
        assertProblem(Api.as(port, "enterprise").get("/api/v1/enterprises/" + other + "/ratings/current"), 403,
                "FORBIDDEN_TENANT");
        assertThat(Api.as(port, "regulator").get("/api/v1/enterprises/" + other + "/ratings/current").status()).isEqualTo(200);
        assertThat(Api.as(port, "verifier").get("/api/v1/enterprises/" + other + "/ratings").status()).isEqualTo(200);
    }

    @Test
    void banksAreRefused() {
        String other = usccWith("YELLOW");
        assertProblem(Api.as(port, "bank-a").get("/api/v1/enterprises/" + other + "/ratings"), 403, "FORBIDDEN");
        assertProblem(Api.as(port, "bank-a").get("/api/v1/enterprises/" + other + "/ratings/current"), 403, "FORBIDDEN");
        assertProblem(Api.as(port, "bank-a").get("/api/v1/ratings/review?year=2025"), 403, "FORBIDDEN");
    }

    @Test
    void anOverrideNeedsASecondDifferentAnalyst() {
        String uscc = usccWith("LIGHT_GREEN");
        long id = Api.as(port, "analyst").get("/api/v1/enterprises/" + uscc + "/ratings/current?year=2025").json()
                .path("id").asLong();
        assertProblem(Api.as(port, "analyst").post("/api/v1/ratings/" + id + "/overrides",
                "{\"kind\":\"OVERRIDE\",\"label\":\"YELLOW\",\"reason\":\"\"}"), 422, "OVERRIDE_REASON_REQUIRED");
        var proposed = Api.as(port, "analyst").post("/api/v1/ratings/" + id + "/overrides",
                "{\"kind\":\"OVERRIDE\",\"label\":\"YELLOW\",\"reason\":\"现场核查发现未申报的燃煤锅炉\"}");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        long overrideId = proposed.json().path("id").asLong();
        assertThat(proposed.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(Api.as(port, "analyst2").get("/api/v1/ratings/overrides?status=PENDING").body())
                .contains("\"id\":" + overrideId);

        // the proposer may not approve; a verifier may not approve
        assertProblem(Api.as(port, "analyst").post("/api/v1/ratings/overrides/" + overrideId + "/approval",
                "{\"approve\":true}"), 403, "OVERRIDE_SAME_PERSON");
        assertProblem(Api.as(port, "verifier").post("/api/v1/ratings/overrides/" + overrideId + "/approval",
                "{\"approve\":true}"), 403, "FORBIDDEN");
        int before = events.changes.size();
        var approved = Api.as(port, "analyst2").post("/api/v1/ratings/overrides/" + overrideId + "/approval",
                "{\"approve\":true,\"reason\":\"同意，证据充分\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("decidedBy").asString()).isEqualTo("analyst2");
        assertThat(approved.json().path("proposedBy").asString()).isEqualTo("analyst");

        JsonNode current = Api.as(port, "regulator").get("/api/v1/enterprises/" + uscc + "/ratings/current?year=2025").json();
        assertThat(current.path("label").asString()).isEqualTo("YELLOW");
        assertThat(current.path("computedLabel").asString()).isEqualTo("LIGHT_GREEN");
        assertThat(current.path("override").path("proposedBy").asString()).isEqualTo("analyst");
        assertThat(current.path("override").path("approvedBy").asString()).isEqualTo("analyst2");
        assertThat(current.path("override").path("reason").asString()).contains("燃煤锅炉");
        // the newest year's rating comes with its approved overrides in one query of its own (what a credit report reads)
        JsonNode newest = Api.as(port, "regulator").get("/api/v1/enterprises/" + uscc + "/ratings/current").json();
        assertThat(newest.path("year").asInt()).isEqualTo(2025);
        assertThat(newest.path("label").asString()).isEqualTo("YELLOW");
        assertThat(newest.path("override")).isEqualTo(current.path("override"));
        JsonNode report = Api.as(port, "regulator").get("/api/v1/enterprises/" + uscc + "/credit-report", "application/json")
                .json();
        assertThat(report.path("body").path("rating").path("label").asString()).isEqualTo("YELLOW");
        assertThat(events.changes.subList(before, events.changes.size()))
                .contains(new RatingChanged(uscc, 2025, "LIGHT_GREEN", "YELLOW", true));
        assertProblem(Api.as(port, "analyst2").post("/api/v1/ratings/overrides/" + overrideId + "/approval",
                "{\"approve\":false}"), 409, "OVERRIDE_DECIDED");

        // a verifier co-signs another rating; an analyst approves
        String other = usccWith("YELLOW");
        long otherId = Api.as(port, "verifier").get("/api/v1/enterprises/" + other + "/ratings/current?year=2025").json()
                .path("id").asLong();
        var cosign = Api.as(port, "verifier").post("/api/v1/ratings/" + otherId + "/overrides",
                "{\"kind\":\"CO_SIGN\",\"reason\":\"核查结果与模型一致\"}");
        assertThat(cosign.status()).as(cosign.toString()).isEqualTo(201);
        assertProblem(Api.as(port, "verifier").post("/api/v1/ratings/" + otherId + "/overrides",
                "{\"kind\":\"OVERRIDE\",\"label\":\"RED\",\"reason\":\"核查员不能改标签\"}"), 403, "OVERRIDE_ROLE");
        assertThat(Api.as(port, "analyst").post("/api/v1/ratings/overrides/" + cosign.json().path("id").asLong()
                + "/approval", "{\"approve\":true}").status()).isEqualTo(200);
        JsonNode cosigned = Api.as(port, "regulator").get("/api/v1/enterprises/" + other + "/ratings/current?year=2025").json();
        assertThat(cosigned.path("coSign").path("proposedBy").asString()).isEqualTo("verifier");
        assertThat(cosigned.path("coSign").path("approvedBy").asString()).isEqualTo("analyst");

        // the proposal and the decision are in the evidence log, the newest leaf naming both people
        evidenceLog.sequence();
        String ref = "rating_override:" + overrideId;
        String leaf = new String(evidenceLog.leafFor(ref).orElseThrow().data(), StandardCharsets.UTF_8);
        assertThat(leaf).contains("proposedBy=analyst\n", "decidedBy=analyst2\n", "status=APPROVED\n",
                "proposedLabel=YELLOW\n", "燃煤锅炉");
        assertThat(leaf.getBytes(StandardCharsets.UTF_8)).isEqualTo(overrideEvidence.recompute(ref).orElseThrow());
    }

    @Test
    void everyRatingIsALeafOfTheEvidenceLogThatAnEditedRowNoLongerMatches() {
        String uscc = usccWith("YELLOW");
        long id = Api.as(port, "analyst").get("/api/v1/enterprises/" + uscc + "/ratings/current?year=2025").json()
                .path("id").asLong();
        evidenceLog.sequence();
        String ref = "rating:" + id;
        byte[] leaf = evidenceLog.leafFor(ref).orElseThrow().data();
        assertThat(new String(leaf, StandardCharsets.UTF_8)).contains("uscc=" + uscc + "\n", "label=YELLOW\n",
                "modelVersion=v1\n", "detailSha256=");
        assertThat(leaf).isEqualTo(ratingEvidence.recompute(ref).orElseThrow());
        // an edited label or explanation no longer matches (rolled back: other tests read this rating)
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            jdbc.sql("UPDATE rating SET label = 'LIGHT_GREEN' WHERE id = ?").param(id).update();
            assertThat(ratingEvidence.recompute(ref).orElseThrow()).isNotEqualTo(leaf);
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> {
            jdbc.sql("UPDATE rating SET detail = REPLACE(detail, '\"reasons\"', '\"reasons\" ') WHERE id = ?")
                    .param(id).update();
            assertThat(ratingEvidence.recompute(ref).orElseThrow()).isNotEqualTo(leaf);
            status.setRollbackOnly();
        });
        assertThat(ratingEvidence.recompute(ref).orElseThrow()).isEqualTo(leaf);
    }

    @Test
    void newTransitionDataReRatesAnInitialStageEnterpriseAndKeepsTheEarlierRating() {
        String uscc = jdbc.sql("SELECT r.uscc FROM rating r JOIN enterprise e ON e.uscc = r.uscc WHERE e.transition_stage = "
                + "'INITIAL' AND r.period_kind = 'YEAR' AND r.rating_year = 2025 AND r.uscc NOT IN (SELECT uscc FROM penalty) "
                + "AND r.uscc NOT IN (SELECT uscc FROM rating_override) ORDER BY r.uscc DESC FETCH FIRST 1 ROWS ONLY")
                .query(String.class).single();
        JsonNode before = Api.as(port, "analyst").get("/api/v1/enterprises/" + uscc + "/ratings/current?year=2025").json();
        // nothing invested in reduction and no progress on the plan: initial-stage forward-looking points lost
        String csv = "uscc,year,reduction_investment_10k_cny,total_investment_10k_cny,milestones_planned,milestones_done,"
                + "progress_pct\n" + uscc + ",2025,0,5000,10,0,0\n";
        var r = Api.as(port, "analyst").postBytes("/api/v1/intake/submissions?dataset=TRANSITION&source=SELF_REPORT",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);

        JsonNode after = Api.as(port, "analyst").get("/api/v1/enterprises/" + uscc + "/ratings/current?year=2025").json();
        assertThat(after.path("id").asLong()).isNotEqualTo(before.path("id").asLong());
        assertThat(after.path("cause").asString()).isEqualTo("TRANSITION");
        assertThat(after.path("score").asDouble()).isLessThan(before.path("score").asDouble());
        JsonNode investment = null;
        for (JsonNode i : after.path("indicators")) {
            if ("REDUCTION_INVESTMENT".equals(i.path("code").asString())) {
                investment = i;
            }
        }
        assertThat(investment).isNotNull();
        assertThat(investment.path("value").asDouble()).isZero();
        // history keeps the rating it replaced
        var history = Api.as(port, "analyst").get("/api/v1/enterprises/" + uscc + "/ratings").json();
        Set<Long> ids = new HashSet<>();
        history.forEach(n -> ids.add(n.path("id").asLong()));
        assertThat(ids).contains(before.path("id").asLong(), after.path("id").asLong());
    }

    @Test
    void aPenaltyDowngradesAndPublishesRatingChanged() {
        String uscc = usccWith("DARK_GREEN");
        int before = events.changes.size();
        String csv = "uscc,decided_on,authority,document_no,amount_cny,description,ended_on\n" + uscc
                + ",2025-06-01,演示市生态环境局,演环罚〔2025〕999号,200000,超标排放大气污染物,2025-08-01\n";
        var r = Api.as(port, "analyst").postBytes("/api/v1/intake/submissions?dataset=PENALTY&source=ECO_ENVIRONMENT",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode current = Api.as(port, "analyst").get("/api/v1/enterprises/" + uscc + "/ratings/current?year=2025").json();
        assertThat(current.path("label").asString()).isEqualTo("YELLOW");
        assertThat(current.path("caps").toString()).contains("CAP_PENALTY");
        assertThat(current.path("cause").asString()).isEqualTo("PENALTY");
        assertThat(events.changes.subList(before, events.changes.size()))
                .contains(new RatingChanged(uscc, 2025, "DARK_GREEN", "YELLOW", true));
        // history is kept: the earlier rating is still there
        var history = Api.as(port, "analyst").get("/api/v1/enterprises/" + uscc + "/ratings").json();
        Set<String> labels2025 = new HashSet<>();
        history.forEach(n -> {
            if (n.path("year").asInt() == 2025 && "YEAR".equals(n.path("periodKind").asString())) {
                labels2025.add(n.path("computedLabel").asString());
            }
        });
        assertThat(labels2025).contains("DARK_GREEN", "YELLOW");
    }

    @Test
    void theReviewShowsABelievableSpread() {
        var r = Api.as(port, "regulator").get("/api/v1/ratings/review?year=2025");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode review = r.json();
        System.out.println("rating review 2025: " + review.toPrettyString());
        int inUse = 0;
        for (String label : new String[] {"DARK_GREEN", "LIGHT_GREEN", "YELLOW", "RED"}) {
            if (review.path("labels").path(label).asInt() > 0) {
                inUse++;
            }
        }
        assertThat(inUse).isGreaterThanOrEqualTo(3);
        int total = review.path("enterprises").asInt();
        assertThat(review.path("labels").path("YELLOW").asInt()).isLessThan(total * 6 / 10);
        JsonNode wind = null;
        JsonNode coking = null;
        for (JsonNode g : review.path("byIndustry")) {
            if ("4415".equals(g.path("code").asString())) {
                wind = g;
            }
            if ("2521".equals(g.path("code").asString())) {
                coking = g;
            }
        }
        assertThat(wind).isNotNull();
        assertThat(wind.path("labels").path("DARK_GREEN").asInt() + wind.path("labels").path("LIGHT_GREEN").asInt())
                .isGreaterThan(wind.path("enterprises").asInt() / 2);
        assertThat(coking.path("labels").path("YELLOW").asInt() + coking.path("labels").path("RED").asInt())
                .isGreaterThan(coking.path("enterprises").asInt() / 2);
        assertThat(review.path("byCity").size()).isGreaterThanOrEqualTo(4);
        assertThat(review.path("topReasons").size()).isGreaterThan(0);
        assertThat(Api.as(port, "analyst").post("/api/v1/ratings/recalculations?year=2025", "").status()).isEqualTo(200);
        assertProblem(Api.as(port, "regulator").post("/api/v1/ratings/recalculations?year=2025", ""), 403, "FORBIDDEN");
    }
}
