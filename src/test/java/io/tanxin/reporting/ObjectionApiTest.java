package io.tanxin.reporting;

import static io.tanxin.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import io.tanxin.accounting.AccountingManagement;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.identity.Actor;
import io.tanxin.intake.EnterpriseFacts;
import io.tanxin.identity.OrganisationKind;
import io.tanxin.identity.Role;
import io.tanxin.reporting.internal.ObjectionEvidence;
import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** Objections: filing marks the item at once, the agency answers within 20 Shanghai days, every step is kept. */
@IntegrationTest
@RecordApplicationEvents
class ObjectionApiTest {

    static final String FEATURED = "91140300MA0TX20251";
    static final String FILE = "/api/v1/enterprises/" + FEATURED + "/objections";

    @LocalServerPort
    int port;

    @Autowired
    Objections objections;

    @Autowired
    AccountingManagement accounting;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EvidenceLog evidenceLog;

    @Autowired
    ObjectionEvidence objectionEvidence;

    @Autowired
    ApplicationEvents events;

    @Autowired
    EnterpriseFacts facts;

    @Test
    void aCorrectedMonthFigureIsRecalculatedAndEveryStepIsKeptAndLogged() {
        YearMonth month = YearMonth.of(2025, 4);
        int runsBefore = accounting.runs(FEATURED, month).size();
        JsonNode filed = file("MONTH_FIGURE", month.toString(), "4 月外购电量重复计入 / April's purchased power counted twice");
        long id = filed.path("id").asLong();
        assertThat(filed.path("status").asString()).isEqualTo("FILED");
        assertThat(filed.path("dueDate").asString()).isEqualTo(
                ObjectionDeadline.dueDate(java.time.Instant.parse(filed.path("filedAt").asString())).toString());
        assertThat(filed.path("overdue").asBoolean()).isFalse();
        assertThat(objections.disputedItems(FEATURED)).contains(
                new DisputedItem(ObjectionItemType.MONTH_FIGURE, "2025-04", id, DisputedItem.Mark.DISPUTED));

        Api analyst = Api.as(port, "analyst");
        Api.Response acknowledged = analyst.post("/api/v1/objections/" + id + "/acknowledgement", "{\"note\":\"核查中\"}");
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.json().path("status").asString()).isEqualTo("ACKNOWLEDGED");

        Api.Response resolved = analyst.post("/api/v1/objections/" + id + "/resolution",
                "{\"outcome\":\"CORRECTED\",\"answer\":\"经核实已更正并重新核算 / verified, corrected and recalculated\"}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        JsonNode done = resolved.json();
        assertThat(done.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(done.path("outcome").asString()).isEqualTo("CORRECTED");
        assertThat(done.path("resolvedBy").asString()).isEqualTo("analyst");
        assertThat(done.path("steps")).hasSize(3);
        assertThat(done.path("steps").get(0).path("action").asString()).isEqualTo("FILED");
        assertThat(done.path("steps").get(2).path("action").asString()).isEqualTo("RESOLVED");

        assertThat(accounting.runs(FEATURED, month)).hasSize(runsBefore + 1);
        assertThat(objections.disputedItems(FEATURED)).extracting(DisputedItem::objectionId).doesNotContain(id);

        evidenceLog.sequence();
        for (JsonNode step : done.path("steps")) {
            String ref = "objection_step:" + step.path("id").asLong();
            byte[] leaf = evidenceLog.leafFor(ref).orElseThrow().data();
            assertThat(leaf).as(ref).isEqualTo(objectionEvidence.recompute(ref).orElseThrow());
        }
        String filedRef = "objection_step:" + done.path("steps").get(0).path("id").asLong();
        jdbc.sql("UPDATE reporting_objection SET reason = 'rewritten' WHERE id = ?").param(id).update();
        assertThat(objectionEvidence.recompute(filedRef).orElseThrow())
                .isNotEqualTo(evidenceLog.leafFor(filedRef).orElseThrow().data());

        assertProblem(analyst.post("/api/v1/objections/" + id + "/resolution",
                "{\"outcome\":\"UPHELD\",\"answer\":\"again\"}"), 409, "OBJECTION_ALREADY_RESOLVED");
    }

    @Test
    void aCorrectionIsAnnouncedWithItsNewRunForRatingToListenTo() {
        Actor enterprise = new Actor("enterprise", "企业", Set.of(Role.ENTERPRISE), OrganisationKind.ENTERPRISE, FEATURED);
        Actor analyst = new Actor("analyst", "分析师", Set.of(Role.AGENCY_ANALYST), OrganisationKind.INSTITUTION,
                "TANXIN_AGENCY");
        long id = objections.file(FEATURED, ObjectionItemType.MONTH_FIGURE, "2025-06", "6 月数据 / June", enterprise).id();
        assertThat(events.stream(ObjectionFiled.class).filter(e -> e.objectionId() == id)).hasSize(1);
        Objection done = objections.resolve(id, ObjectionOutcome.CORRECTED, "已更正 / corrected", analyst);
        ObjectionResolved event = events.stream(ObjectionResolved.class).filter(e -> e.objectionId() == id).findFirst()
                .orElseThrow();
        assertThat(event.outcome()).isEqualTo(ObjectionOutcome.CORRECTED);
        assertThat(event.uscc()).isEqualTo(FEATURED);
        assertThat(accounting.runs(FEATURED, YearMonth.of(2025, 6))).extracting(r -> r.runId())
                .contains(event.recalculatedRunId());
        assertThat(done.steps().get(1).note()).contains("run " + event.recalculatedRunId());
    }

    @Test
    void aCorrectedPenaltyIsWithdrawnAndACorrectedFindingResolvedAndTheEnterpriseIsReRated() {
        String documentNo = "阳环罚〔2025〕31号";
        penalty(FEATURED, documentNo);
        assertThat(facts.penaltiesOf(FEATURED)).extracting(EnterpriseFacts.Penalty::documentNo).contains(documentNo);
        long onPenalty = file("PENALTY", documentNo, "处罚对象错误 / the penalty names the wrong enterprise").path("id").asLong();
        long findingId = jdbc.sql("SELECT id FROM verification_finding WHERE uscc = ? AND status = 'OPEN' ORDER BY id DESC "
                + "FETCH FIRST 1 ROWS ONLY").param(FEATURED).query(Long.class).optional().orElseGet(() -> finding(FEATURED));
        long onFinding = file("FINDING", Long.toString(findingId), "该月电表已更换 / the meter was replaced that month")
                .path("id").asLong();

        Api analyst = Api.as(port, "analyst");
        Api.Response penaltyAnswer = analyst.post("/api/v1/objections/" + onPenalty + "/resolution",
                "{\"outcome\":\"CORRECTED\",\"answer\":\"经生态环境局确认处罚对象有误 / confirmed wrong by the bureau\"}");
        assertThat(penaltyAnswer.status()).as(penaltyAnswer.toString()).isEqualTo(200);
        // the record no longer counts: not among the enterprise's penalties, not in its report
        assertThat(facts.penaltiesOf(FEATURED)).extracting(EnterpriseFacts.Penalty::documentNo).doesNotContain(documentNo);
        assertThat(jdbc.sql("SELECT withdrawn_by FROM penalty WHERE uscc = ? AND document_no = ?")
                .params(FEATURED, documentNo).query(String.class).single()).isEqualTo("analyst");
        String note = penaltyAnswer.json().path("steps").get(1).path("note").asString();
        assertThat(note).contains("penalty " + documentNo + " withdrawn (1 record)", "re-rated");
        JsonNode report = Api.as(port, "enterprise").get("/api/v1/enterprises/" + FEATURED + "/credit-report").json();
        assertThat(report.path("body").path("negativeInformation").toString()).doesNotContain(documentNo);

        // an answer as long as allowed still fits the finding's note, which cites it after the objection's number
        String longAnswer = "已核实换表记录 / the meter change is on record. " + "核".repeat(2000);
        longAnswer = longAnswer.substring(0, 2000);
        Api.Response findingAnswer = analyst.post("/api/v1/objections/" + onFinding + "/resolution",
                "{\"outcome\":\"CORRECTED\",\"answer\":\"" + longAnswer + "\"}");
        assertThat(findingAnswer.status()).as(findingAnswer.toString()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT status FROM verification_finding WHERE id = ?").param(findingId).query(String.class)
                .single()).isEqualTo("RESOLVED");
        assertThat(findingAnswer.json().path("steps").get(1).path("note").asString())
                .contains("finding " + findingId + " resolved", "re-rated");
        report = Api.as(port, "enterprise").get("/api/v1/enterprises/" + FEATURED + "/credit-report").json();
        report.path("body").path("findings").forEach(f -> assertThat(f.path("id").asLong()).isNotEqualTo(findingId));
    }

    @Test
    void theNextReportShowsTheItemDisputedAtOnceAndARatingMadeAgainStaysDisputed() {
        Api analyst = Api.as(port, "analyst");
        // rating objections other tests left open would mark the rating already: answer them first
        objections.forEnterprise(FEATURED, null, 0, 200).items().stream()
                .filter(o -> o.itemType() == ObjectionItemType.RATING && o.status() != Objection.Status.RESOLVED)
                .forEach(o -> assertThat(analyst.post("/api/v1/objections/" + o.id() + "/resolution",
                        "{\"outcome\":\"UPHELD\",\"answer\":\"评级维持 / rating upheld\"}").status()).isEqualTo(200));
        String reportPath = "/api/v1/enterprises/" + FEATURED + "/credit-report";
        assertThat(report().path("rating").path("mark").isMissingNode() || report().path("rating").path("mark").isNull())
                .isTrue();

        file("MONTH_FIGURE", "2025-06", "6 月产量数据有误 / June's output is wrong");
        JsonNode body = report();
        JsonNode june = null;
        for (JsonNode m : body.path("monthlyTrend")) {
            if ("2025-06".equals(m.path("month").asString())) {
                june = m;
            }
        }
        assertThat(june).isNotNull();
        assertThat(june.path("mark").asString()).isEqualTo("DISPUTED");
        assertThat(Api.as(port, "enterprise").get(reportPath, "text/html").body()).contains("2025-06</span><span class=\"mark\"> ［异议］");

        long before = analyst.get("/api/v1/enterprises/" + FEATURED + "/ratings/current?year=2025").json().path("id").asLong();
        file("RATING", Long.toString(before), "转型投资未计入 / transition investment left out");
        assertThat(report().path("rating").path("mark").asString()).isEqualTo("DISPUTED");
        // in the PDF too: on its cover, rendered for each read, and in its rating section
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(pdf(reportPath))) {
            org.apache.pdfbox.text.PDFTextStripper cover = new org.apache.pdfbox.text.PDFTextStripper();
            cover.setEndPage(1);
            assertThat(cover.getText(pdf)).contains("［有异议");
            org.apache.pdfbox.text.PDFTextStripper sections = new org.apache.pdfbox.text.PDFTextStripper();
            sections.setStartPage(2);
            assertThat(sections.getText(pdf)).contains("［有异议");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // a penalty of 2025 re-rates the enterprise: a new rating of the same year
        penalty(FEATURED, "阳环罚〔2025〕77号", LocalDate.of(2025, 9, 15));
        long after = analyst.get("/api/v1/enterprises/" + FEATURED + "/ratings/current?year=2025").json().path("id").asLong();
        assertThat(after).isNotEqualTo(before);
        assertThat(report().path("rating").path("ratingId").asLong()).isEqualTo(after);
        assertThat(report().path("rating").path("mark").asString()).isEqualTo("DISPUTED");
    }

    private byte[] pdf(String path) {
        java.net.http.HttpResponse<byte[]> r = Api.as(port, "enterprise").getBytes(path, "application/pdf");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private JsonNode report() {
        return Api.as(port, "enterprise").get("/api/v1/enterprises/" + FEATURED + "/credit-report").json().path("body");
    }

    @Test
    void anUnverifiableItemStaysAnnotatedAndAnUpheldOneIsNoLongerDisputed() {
        penalty(FEATURED, "阳环罚〔2024〕15号");
        long unverifiable = file("PENALTY", "阳环罚〔2024〕15号", "处罚已撤销 / the penalty was withdrawn").path("id").asLong();
        long upheld = file("FINDING", Long.toString(finding(FEATURED)), "数据来源有误 / wrong source").path("id").asLong();
        Api analyst = Api.as(port, "analyst");
        assertThat(analyst.post("/api/v1/objections/" + unverifiable + "/resolution",
                "{\"outcome\":\"UNVERIFIABLE\",\"answer\":\"无法取得撤销决定书 / no withdrawal document\"}").status())
                .isEqualTo(200);
        assertThat(analyst.post("/api/v1/objections/" + upheld + "/resolution",
                "{\"outcome\":\"UPHELD\",\"answer\":\"数据来源核实无误 / source verified\"}").status()).isEqualTo(200);
        assertThat(objections.disputedItems(FEATURED)).contains(new DisputedItem(ObjectionItemType.PENALTY,
                "阳环罚〔2024〕15号", unverifiable, DisputedItem.Mark.ANNOTATED_UNVERIFIABLE))
                .extracting(DisputedItem::objectionId).doesNotContain(upheld);
        JsonNode list = Api.as(port, "enterprise").get(FILE + "?status=RESOLVED&size=200").json();
        assertThat(list.path("items").findValuesAsString("outcome")).contains("UNVERIFIABLE", "UPHELD");
        // a report takes its marks from the enterprise's objections it lists anyway: the same items, in the same order
        long open = file("MONTH_FIGURE", "2025-01", "读数有误 / misread meter").path("id").asLong();
        List<DisputedItem> marked = objections.disputedItems(FEATURED);
        assertThat(marked).extracting(DisputedItem::objectionId).contains(unverifiable, open).doesNotContain(upheld);
        assertThat(Objections.disputedItems(objections.forEnterprise(FEATURED, null, 0, 200).items())).isEqualTo(marked);
        assertThat(report().path("disputedItems").findValuesAsString("objectionId")).isEqualTo(
                marked.stream().map(d -> Long.toString(d.objectionId())).toList());
    }

    @Test
    void anUnansweredObjectionPastItsShanghaiDueDateIsFlaggedToAnalysts() {
        OffsetDateTime filed = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30);
        long old = jdbc.sql("INSERT INTO reporting_objection (uscc, item_type, item_ref, reason, filed_at, filed_by, "
                + "due_date, status) VALUES (?, 'RATING', '2024', 'old', ?, 'enterprise', ?, 'FILED') RETURNING id")
                .params(FEATURED, filed, ObjectionDeadline.dueDate(filed.toInstant())).query(Long.class).single();
        long fresh = file("RATING", "2025", "评级未考虑转型投资 / transition investment ignored").path("id").asLong();

        for (String user : new String[] {"analyst", "regulator"}) {
            JsonNode overdue = Api.as(port, user).get("/api/v1/objections?overdue=true&size=200").json();
            assertThat(overdue.path("items").findValuesAsString("id")).as(user).contains(Long.toString(old))
                    .doesNotContain(Long.toString(fresh));
        }
        JsonNode one = Api.as(port, "analyst").get("/api/v1/objections/" + old).json();
        assertThat(one.path("overdue").asBoolean()).isTrue();
        assertThat(objections.overdue()).extracting(Objection::id).contains(old).doesNotContain(fresh);
        JsonNode all = Api.as(port, "analyst").get("/api/v1/objections?status=FILED&size=200").json();
        assertThat(all.path("items").findValuesAsString("id")).contains(Long.toString(old), Long.toString(fresh));
        assertThat(LocalDate.parse(Api.as(port, "analyst").get("/api/v1/objections/" + fresh).json().path("dueDate")
                .asString())).isAfter(LocalDate.now().plusDays(18));
    }

    @Test
    void onlyTheEnterpriseFilesAndOnlyTheAgencyAnswers() {
        String body = "{\"itemType\":\"MONTH_FIGURE\",\"itemRef\":\"2025-05\",\"reason\":\"x\"}";
        assertProblem(Api.as(port, "bank-a").post(FILE, body), 403, "FORBIDDEN");
        assertProblem(Api.as(port, "analyst").post(FILE, body), 403, "FORBIDDEN");
        long id = file("MONTH_FIGURE", "2025-05", "5 月数据有误 / May is wrong").path("id").asLong();
        String answer = "{\"outcome\":\"UPHELD\",\"answer\":\"ok\"}";
        assertProblem(Api.as(port, "enterprise").post("/api/v1/objections/" + id + "/resolution", answer), 403,
                "FORBIDDEN");
        assertProblem(Api.as(port, "bank-a").post("/api/v1/objections/" + id + "/resolution", answer), 403, "FORBIDDEN");
        assertProblem(Api.as(port, "regulator").post("/api/v1/objections/" + id + "/resolution", answer), 403,
                "FORBIDDEN");
        assertProblem(Api.as(port, "enterprise").get("/api/v1/objections"), 403, "FORBIDDEN");
        assertProblem(Api.as(port, "bank-a").get(FILE), 403, "FORBIDDEN");
        assertThat(Api.as(port, "regulator").get(FILE).status()).isEqualTo(200);
    }

    @Test
    void anEnterpriseLearnsNothingFromTryingIds() {
        // another enterprise's objection and no objection at all: the same answer, so ids cannot be probed
        long others = jdbc.sql("INSERT INTO reporting_objection (uscc, item_type, item_ref, reason, filed_at, filed_by, "
                + "due_date, status) VALUES ((SELECT MIN(uscc) FROM enterprise WHERE uscc <> ?), 'RATING', '2025', "
                + "'another enterprise', ?, 'someone', ?, 'FILED') RETURNING id").params(FEATURED, OffsetDateTime.now(),
                        LocalDate.now().plusDays(20)).query(Long.class).single();
        Api enterprise = Api.as(port, "enterprise");
        assertProblem(enterprise.get("/api/v1/objections/" + others), 403, "FORBIDDEN_TENANT");
        assertProblem(enterprise.get("/api/v1/objections/" + (others + 1_000_000)), 403, "FORBIDDEN_TENANT");
        assertProblem(enterprise.get("/api/v1/verification/findings/999999999"), 403, "FORBIDDEN_TENANT");
        // the agency is told what is there and what is not
        assertThat(Api.as(port, "analyst").get("/api/v1/objections/" + others).status()).isEqualTo(200);
        assertProblem(Api.as(port, "analyst").get("/api/v1/objections/" + (others + 1_000_000)), 404,
                "OBJECTION_NOT_FOUND");
        assertProblem(Api.as(port, "analyst").get("/api/v1/verification/findings/999999999"), 404, "FINDING_NOT_FOUND");
        // its own objection it reads
        long own = file("MONTH_FIGURE", "2025-03", "3 月数据有误 / March is wrong").path("id").asLong();
        assertThat(enterprise.get("/api/v1/objections/" + own).status()).isEqualTo(200);
    }

    @Test
    void malformedObjectionsAreRefused() {
        Api enterprise = Api.as(port, "enterprise");
        assertProblem(enterprise.post(FILE, "{\"itemType\":\"MONTH_FIGURE\",\"itemRef\":\"2025-13\",\"reason\":\"x\"}"),
                400, "INVALID_OBJECTION_ITEM");
        assertProblem(enterprise.post(FILE, "{\"itemType\":\"FINDING\",\"itemRef\":\"abc\",\"reason\":\"x\"}"),
                400, "INVALID_OBJECTION_ITEM");
        assertProblem(enterprise.post(FILE, "{\"itemType\":\"WEATHER\",\"itemRef\":\"1\",\"reason\":\"x\"}"),
                400, "INVALID_OBJECTION_ITEM");
        assertProblem(enterprise.post(FILE, "{\"itemType\":\"PENALTY\",\"itemRef\":\"1\",\"reason\":\" \"}"),
                400, "TEXT_REQUIRED");
        assertProblem(enterprise.post(FILE, "{\"itemType\":\"MONTH_FIGURE\",\"itemRef\":\"2099-01\",\"reason\":\"x\"}"),
                422, "OBJECTION_MONTH_IN_FUTURE");
        assertProblem(Api.as(port, "analyst").post("/api/v1/objections/999999/resolution",
                "{\"outcome\":\"UPHELD\",\"answer\":\"ok\"}"), 404, "OBJECTION_NOT_FOUND");
        assertProblem(Api.as(port, "analyst").post("/api/v1/objections/999999/resolution",
                "{\"outcome\":\"MAYBE\",\"answer\":\"ok\"}"), 400, "INVALID_OUTCOME");
    }

    @Test
    void aRetriedFilingWithTheSameIdempotencyKeyFilesOnce() {
        penalty(FEATURED, "晋环罚〔2023〕7号");
        String body = "{\"itemType\":\"PENALTY\",\"itemRef\":\"晋环罚〔2023〕7号\",\"reason\":\"重复处罚 / penalised twice\"}";
        Api enterprise = Api.as(port, "enterprise");
        Api.Response first = enterprise.postWithHeader(FILE, body, "Idempotency-Key", "objection-retry-1");
        Api.Response again = enterprise.postWithHeader(FILE, body, "Idempotency-Key", "objection-retry-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("replayed").asBoolean()).isFalse();
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reporting_objection WHERE item_ref = '晋环罚〔2023〕7号'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherObjectionIsRefusedAndWritesNothing() {
        Api enterprise = Api.as(port, "enterprise");
        String march = "{\"itemType\":\"MONTH_FIGURE\",\"itemRef\":\"2024-03\",\"reason\":\"3 月产量有误 / March output wrong\"}";
        Api.Response first = enterprise.postWithHeader(FILE, march, "Idempotency-Key", "objection-reuse-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long id = first.json().path("id").asLong();
        long rating = jdbc.sql("SELECT id FROM rating WHERE uscc = ? ORDER BY id LIMIT 1").param(FEATURED)
                .query(Long.class).single();
        long objectionsBefore = count("SELECT COUNT(*) FROM reporting_objection");
        long stepsBefore = count("SELECT COUNT(*) FROM reporting_objection_step");
        long leavesBefore = count("SELECT COUNT(*) FROM evidence_leaf WHERE kind = 'objection_step'");

        // another month, item or reason with the same key: the enterprise must not believe it objected to it
        for (String other : new String[] {march.replace("2024-03", "2024-05"),
                march.replace("March output wrong", "March output counted twice"),
                "{\"itemType\":\"RATING\",\"itemRef\":\"" + rating + "\",\"reason\":\"3 月产量有误 / March output wrong\"}"}) {
            Api.Response r = enterprise.postWithHeader(FILE, other, "Idempotency-Key", "objection-reuse-1");
            assertProblem(r, 422, "IDEMPOTENCY_KEY_REUSED");
            assertThat(r.json().path("messageEn").asString()).contains("#" + id);
        }
        // a malformed request with a used key is refused for its own fault
        assertProblem(enterprise.postWithHeader(FILE, march.replace("2024-03", "2024-13"), "Idempotency-Key",
                "objection-reuse-1"), 400, "INVALID_OBJECTION_ITEM");
        assertProblem(enterprise.postWithHeader(FILE, march.replace("3 月产量有误 / March output wrong", " "),
                "Idempotency-Key", "objection-reuse-1"), 400, "TEXT_REQUIRED");
        assertProblem(enterprise.postWithHeader(FILE, march.replace("2024-03", "2001-03"), "Idempotency-Key",
                "objection-reuse-1"), 422, "OBJECTION_ITEM_NOT_FOUND");
        assertThat(count("SELECT COUNT(*) FROM reporting_objection")).isEqualTo(objectionsBefore);
        assertThat(count("SELECT COUNT(*) FROM reporting_objection_step")).isEqualTo(stepsBefore);
        assertThat(count("SELECT COUNT(*) FROM evidence_leaf WHERE kind = 'objection_step'")).isEqualTo(leavesBefore);
        assertThat(objections.disputedItems(FEATURED)).extracting(DisputedItem::itemRef).doesNotContain("2024-05");

        // the genuine retry (the same item and reason as stored, blanks aside) replays the first answer
        Api.Response again = enterprise.postWithHeader(FILE, march.replace("\"2024-03\"", "\" 2024-03 \""),
                "Idempotency-Key", "objection-reuse-1");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(again.json().path("id").asLong()).isEqualTo(id);
        assertThat(again.json().path("itemRef").asString()).isEqualTo("2024-03");
        assertThat(count("SELECT COUNT(*) FROM reporting_objection")).isEqualTo(objectionsBefore);
        assertThat(count("SELECT COUNT(*) FROM evidence_leaf WHERE kind = 'objection_step'")).isEqualTo(leavesBefore);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void anObjectionMustNameAnItemOfTheEnterprise() {
        String other = jdbc.sql("SELECT uscc FROM enterprise WHERE uscc <> ? ORDER BY uscc OFFSET 3 LIMIT 1")
                .param(FEATURED).query(String.class).single();
        penalty(other, "他企罚〔2024〕1号");
        long othersFinding = finding(other);
        long othersRating = jdbc.sql("SELECT id FROM rating WHERE uscc = ? ORDER BY id LIMIT 1").param(other)
                .query(Long.class).single();
        long before = jdbc.sql("SELECT COUNT(*) FROM reporting_objection").query(Long.class).single();
        Api enterprise = Api.as(port, "enterprise");
        for (String[] item : new String[][] {{"MONTH_FIGURE", "2001-03"}, {"FINDING", "987654321"},
                {"FINDING", Long.toString(othersFinding)}, {"PENALTY", "无此文号〔2024〕9号"},
                {"PENALTY", "他企罚〔2024〕1号"}, {"RATING", "1999"}, {"RATING", Long.toString(othersRating)}}) {
            Api.Response r = enterprise.post(FILE, "{\"itemType\":\"" + item[0] + "\",\"itemRef\":\"" + item[1]
                    + "\",\"reason\":\"x\"}");
            assertProblem(r, 422, "OBJECTION_ITEM_NOT_FOUND");
            assertThat(r.json().path("messageZh").asString()).as(item[0]).contains(item[1]);
            assertThat(r.json().path("messageEn").asString()).as(item[0]).contains(item[1]);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reporting_objection").query(Long.class).single()).isEqualTo(before);

        // the same kinds of item do exist for the enterprise they belong to
        long rating = jdbc.sql("SELECT id FROM rating WHERE uscc = ? ORDER BY id LIMIT 1").param(FEATURED)
                .query(Long.class).single();
        assertThat(objections.file(FEATURED, ObjectionItemType.RATING, Long.toString(rating), "评级有误 / wrong rating",
                ENTERPRISE).itemRef()).isEqualTo(Long.toString(rating));
    }

    static final Actor ENTERPRISE = new Actor("enterprise", "示范新材料企业用户", Set.of(Role.ENTERPRISE),
            OrganisationKind.ENTERPRISE, FEATURED);

    /** A penalty of the enterprise through intake, as the eco-environment department would report it. */
    private void penalty(String uscc, String documentNo) {
        penalty(uscc, documentNo, LocalDate.now().minusMonths(5));
    }

    private void penalty(String uscc, String documentNo, LocalDate decidedOn) {
        String csv = "uscc,decided_on,authority,document_no,amount_cny,description,ended_on\r\n" + uscc + ","
                + decidedOn + ",阳泉市生态环境局," + documentNo + ",200000,超标排放," + decidedOn.plusMonths(1) + "\r\n";
        Api.Response r = Api.as(port, "analyst").postBytes("/api/v1/intake/submissions?dataset=PENALTY&source=ECO_ENVIRONMENT",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv",
                "objection-penalty-" + Integer.toHexString((uscc + documentNo).hashCode()));
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
    }

    /** A verification finding of the enterprise: one the demo's cross-checks raised, else one recorded here. */
    private long finding(String uscc) {
        return jdbc.sql("SELECT id FROM verification_finding WHERE uscc = ? ORDER BY id LIMIT 1").param(uscc).query(Long.class)
                .optional().orElseGet(() -> jdbc.sql("INSERT INTO verification_finding (uscc, period, rule, subject, "
                        + "severity, status, message_zh, message_en, created_at, updated_at) VALUES (?, '2025-02', "
                        + "'OBJECTION_TEST', 'x', 'WARNING', 'OPEN', '测试发现', 'test finding', ?, ?) RETURNING id")
                        .params(uscc, OffsetDateTime.now(), OffsetDateTime.now()).query(Long.class).single());
    }

    private JsonNode file(String type, String ref, String reason) {
        Api.Response r = Api.as(port, "enterprise").post(FILE,
                "{\"itemType\":\"" + type + "\",\"itemRef\":\"" + ref + "\",\"reason\":\"" + reason + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }
}
