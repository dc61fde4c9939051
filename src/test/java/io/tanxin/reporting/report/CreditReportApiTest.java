package io.tanxin.reporting.report;

import static io.tanxin.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.tanxin.evidence.EvidenceAlert;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.evidence.EvidenceVerification;
import io.tanxin.evidence.LeafInfo;
import io.tanxin.shared.Uscc;
import io.tanxin.evidence.OfflineVerifier;
import io.tanxin.reporting.internal.QueryEvidence;
import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The carbon credit report through HTTP in its three formats, its access rules, contents and evidence. */
@IntegrationTest
class CreditReportApiTest {

    static final String FEATURED = "91140300MA0TX20251";
    static final String PATH = "/api/v1/enterprises/%s/credit-report?purpose=LOAN_APPROVAL";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void theEnterpriseReadsItsOwnReportInAllThreeFormats() throws Exception {
        HttpResponse<byte[]> json = get("enterprise", FEATURED, "application/json");
        assertThat(json.statusCode()).as(new String(json.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode report = JSON.readTree(json.body());
        JsonNode body = report.path("body");
        assertThat(body.path("reportNumber").asString()).matches("TX-\\d{8}-" + FEATURED + "-\\d{6,}");
        assertThat(body.path("issuedAt").asString()).endsWith("+08:00");
        assertThat(body.path("identity").path("uscc").asString()).isEqualTo(FEATURED);
        String name = body.path("identity").path("nameZh").asString();
        assertThat(name).isNotBlank();
        assertThat(body.path("accounts").size()).isBetween(1, 3);
        assertThat(body.path("monthlyTrend").size()).isGreaterThan(0).isLessThanOrEqualTo(36);
        assertThat(body.path("structure").size()).isGreaterThan(0);
        JsonNode rating = body.path("rating");
        assertThat(rating.path("labelZh").asString()).isIn("深绿", "浅绿", "黄", "红");
        assertThat(body.path("modelVersion").asString()).isNotBlank();
        assertThat(body.path("intensity").path("kGrade").isNumber()).isTrue();
        assertThat(body.path("queryRecords").size()).isGreaterThan(0);
        assertThat(body.path("queryRecords").get(0).path("username").asString()).isEqualTo("enterprise");
        JsonNode ev = report.path("evidence");
        assertThat(ev.path("leafIndex").asLong()).isLessThan(ev.path("treeSize").asLong());
        assertThat(ev.path("checkpoint").asString()).contains("\n\n");
        assertThat(ev.path("verificationUrl").asString()).endsWith("/api/v1/evidence/leaves/" + ev.path("leafIndex").asLong());

        // the leaf in the public log is the report's leaf: anyone holding the report checks its leaf data
        // against the public hash, which is all the public sees of it
        JsonNode leaf = Api.anonymous(port).get("/api/v1/evidence/leaves/" + ev.path("leafIndex").asLong()).json();
        assertThat(java.util.Base64.getDecoder().decode(leaf.path("leafHash").asString())).isEqualTo(
                io.tanxin.evidence.merkle.MerkleHashes.leafHash(java.util.Base64.getDecoder().decode(
                        ev.path("leafData").asString())));
        assertThat(leaf.has("data")).isFalse();
        assertThat(Api.as(port, "analyst").get("/api/v1/evidence/leaves/" + ev.path("leafIndex").asLong()).json()
                .path("data").asString()).isEqualTo(ev.path("leafData").asString());

        HttpResponse<byte[]> html = get("enterprise", FEATURED, "text/html");
        assertThat(html.statusCode()).isEqualTo(200);
        String page = new String(html.body(), StandardCharsets.UTF_8);
        assertThat(page).contains("碳信用报告", name, FEATURED, rating.path("labelZh").asString(), "<svg", " d=\"M",
                "负面信息", "查询记录", "证据日志叶子序号");
        // a query's time as the province reads it (the JSON keeps the exact instant)
        String queried = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.Instant.parse(body.path("queryRecords").get(0).path("queriedAt").asString()));
        assertThat(page).contains(queried, "Asia/Shanghai").doesNotContain("Time (UTC)");

        HttpResponse<byte[]> pdf = get("enterprise", FEATURED, "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains(name, FEATURED, "碳信用报告", "评级");
        // the label itself, next to its code (a one-character label like 黄 also occurs in reason texts)
        assertThat(text).containsPattern(java.util.regex.Pattern.quote(rating.path("labelZh").asString()) + "\\s*"
                + rating.path("label").asString());
        // the PDF's QR code, drawn as vectors, scans to the verification address of the leaf the PDF names
        String scanned = pdfQrCode(pdf.body());
        assertThat(scanned).matches("https?://.+/api/v1/evidence/leaves/\\d+");
        assertThat(text).contains(scanned.substring(scanned.lastIndexOf('/') + 1));
    }

    @Test
    void aBankNeedsAConsentAndARefusalTellsNothing() {
        assertProblem(json("bank-b", FEATURED), 403, "REPORT_ACCESS_DENIED");
        assertProblem(json("bank-b", "91140300MA0TX2099X"), 403, "REPORT_ACCESS_DENIED");
        assertProblem(json("bank-b", "not-a-uscc"), 403, "REPORT_ACCESS_DENIED");

        Api.Response consent = Api.as(port, "enterprise").post("/api/v1/enterprises/" + FEATURED + "/consents",
                "{\"institutionCode\":\"BANK_A\",\"purpose\":\"LOAN_APPROVAL\",\"validUntil\":\""
                        + LocalDate.now().plusMonths(3) + "\"}");
        assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
        assertThat(json("regulator", FEATURED).status()).isEqualTo(200);
        Api.Response bank = json("bank-a", FEATURED);
        assertThat(bank.status()).as(bank.toString()).isEqualTo(200);
        // the bank sees every read with its organisation, basis and purpose, but who read at another
        // organisation, and on which consent, only for its own
        JsonNode seen = bank.json().path("body").path("queryRecords");
        assertThat(seen.size()).isGreaterThan(1);
        boolean othersSeen = false;
        for (JsonNode q : seen) {
            if ("BANK_A".equals(q.path("organisationCode").asString())) {
                assertThat(q.path("username").asString()).isEqualTo("bank-a");
                assertThat(q.path("consentId").isNumber()).isTrue();
            } else {
                othersSeen = true;
                assertThat(q.path("username").isNull() || q.path("username").isMissingNode()).as(q.toString()).isTrue();
                assertThat(q.path("consentId").isNull() || q.path("consentId").isMissingNode()).isTrue();
                assertThat(q.path("basis").asString()).isNotBlank();
            }
        }
        assertThat(othersSeen).isTrue();
        String bankReport = bank.json().path("body").path("reportNumber").asString();
        assertThat(bank.json().path("body").path("purpose").asString()).isEqualTo("LOAN_APPROVAL");
        // wrong purpose: refused
        assertProblem(Api.as(port, "bank-a").get(PATH.formatted(FEATURED).replace("LOAN_APPROVAL",
                "POST_LOAN_MONITORING"), "application/json"), 403, "REPORT_ACCESS_DENIED");

        // the bank's query shows in the next report, the enterprise's too
        JsonNode next = json("regulator", FEATURED).json().path("body");
        assertThat(next.path("reportNumber").asString()).isNotEqualTo(bankReport);
        assertThat(next.path("queryRecords").toString()).contains("bank-a", "BANK_A", "CONSENT", "regulator");
        assertThat(json("analyst", FEATURED).status()).isEqualTo(200);
    }

    @Test
    void theReportListsEveryQueryOfTheLastTwoYearsNotAFirstPage() {
        String uscc = jdbc.sql("SELECT uscc FROM enterprise WHERE uscc <> ? ORDER BY uscc DESC FETCH FIRST 1 ROWS ONLY")
                .param(FEATURED).query(String.class).single();
        java.time.OffsetDateTime start = java.time.OffsetDateTime.now().minusDays(300);
        for (int i = 0; i < 450; i++) {
            jdbc.sql("INSERT INTO reporting_query (uscc, queried_at, username, organisation_code, basis, purpose) "
                    + "VALUES (?, ?, 'regulator', 'PBOC_TY', 'REGULATOR', 'SUPERVISION')").params(uscc, start.plusHours(i))
                    .update();
        }
        JsonNode records = json("analyst", uscc).json().path("body").path("queryRecords");
        // the 450 recorded here, the analyst's own read, and any earlier ones: more than two pages of 200
        assertThat(records.size()).isGreaterThanOrEqualTo(451);
        assertThat(records.get(0).path("username").asString()).isEqualTo("analyst");
    }

    @Test
    void readsAskedAtOnceEachListTheQueriesBeforeThemAndTheirOwnAndVerify() throws Exception {
        String uscc = jdbc.sql("SELECT uscc FROM enterprise WHERE uscc <> ? ORDER BY uscc DESC OFFSET 1 ROWS "
                + "FETCH FIRST 1 ROWS ONLY").param(FEATURED).query(String.class).single();
        long refusedBefore = refusals(uscc);
        long issuedBefore = issued(uscc);
        // readers who may, a bank that may not, and a regulator asking for an enterprise that does not exist,
        // all at once, so that the reports are written in shared batches
        List<String[]> asks = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            asks.add(new String[] {"analyst", uscc});
            asks.add(new String[] {"regulator", uscc});
        }
        asks.add(new String[] {"bank-b", uscc});
        asks.add(new String[] {"bank-b", uscc});
        asks.add(new String[] {"regulator", "91140300MA0TX2099X"});
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(asks.size());
        List<java.util.concurrent.Future<HttpResponse<byte[]>>> answers = new java.util.ArrayList<>();
        try {
            for (String[] ask : asks) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return get(ask[0], ask[1], "application/json");
                }));
            }
            start.countDown();
            Path key = dir.resolve("key.pem");
            Files.writeString(key, Api.anonymous(port).get("/api/v1/evidence/public-key").body());
            for (int i = 0; i < asks.size(); i++) {
                HttpResponse<byte[]> answer = answers.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
                String text = new String(answer.body(), StandardCharsets.UTF_8);
                if (asks.get(i)[0].equals("bank-b")) {
                    assertThat(answer.statusCode()).as(text).isEqualTo(403);
                    assertThat(text).contains("REPORT_ACCESS_DENIED");
                    continue;
                }
                if (!asks.get(i)[1].equals(uscc)) {
                    assertThat(answer.statusCode()).as(text).isEqualTo(404);
                    continue;
                }
                assertThat(answer.statusCode()).as(text).isEqualTo(200);
                JsonNode body = JSON.readTree(answer.body()).path("body");
                String number = body.path("reportNumber").asString();
                long own = Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
                List<Long> listed = new java.util.ArrayList<>();
                body.path("queryRecords").forEach(q -> listed.add(q.path("id").asLong()));
                // its own read and every earlier one, and none of the reads asked with it that came after
                assertThat(listed).containsExactlyInAnyOrderElementsOf(jdbc.sql("SELECT id FROM reporting_query "
                        + "WHERE uscc = ? AND id <= ?").params(uscc, own).query(Long.class).list());
                Path file = dir.resolve(number + ".json");
                Files.write(file, answer.body());
                assertThat(verify(key, file)).as(out).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refusals(uscc) - refusedBefore).isEqualTo(2);
        assertThat(issued(uscc) - issuedBefore).isEqualTo(12);
    }

    /** Reports issued for the enterprise, each with the query record it answered. */
    private long issued(String uscc) {
        return jdbc.sql("SELECT COUNT(*) FROM credit_report r JOIN reporting_query q ON q.id = r.query_id "
                + "WHERE r.uscc = ? AND q.uscc = r.uscc").param(uscc).query(Long.class).single();
    }

    private long refusals(String uscc) {
        return jdbc.sql("SELECT COUNT(*) FROM reporting_access_refusal WHERE requested_uscc = ?").param(uscc)
                .query(Long.class).single();
    }

    @Test
    void negativeInformationOlderThanFiveYearsIsNotShown() {
        LocalDate today = LocalDate.now();
        String csv = "uscc,decided_on,authority,document_no,amount_cny,description,ended_on\r\n"
                + FEATURED + "," + today.minusYears(8) + ",长治市生态环境局,OLD-PENALTY-2018,50000,超标排放（旧）,"
                + today.minusYears(6) + "\r\n"
                + FEATURED + "," + today.minusYears(2) + ",长治市生态环境局,NEW-PENALTY-RECENT,80000,超标排放（新）,"
                + today.minusYears(1) + "\r\n";
        Api.Response r = Api.as(port, "analyst").postBytes(
                "/api/v1/intake/submissions?dataset=PENALTY&source=ECO_ENVIRONMENT",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv", "report-penalties-1");
        assertThat(r.status()).as(r.toString()).isIn(200, 201);

        JsonNode body = json("analyst", FEATURED).json().path("body");
        String negative = body.path("negativeInformation").toString();
        assertThat(negative).contains("NEW-PENALTY-RECENT").doesNotContain("OLD-PENALTY-2018");
        String page = new String(get("analyst", FEATURED, "text/html").body(), StandardCharsets.UTF_8);
        assertThat(page).contains("NEW-PENALTY-RECENT").doesNotContain("OLD-PENALTY-2018");
    }

    @Test
    void hostileStringsAreEscapedInHtmlAndThePdfRenders() throws IOException {
        String uscc = "91140402MA0RPT001" + Uscc.checkCharacter("91140402MA0RPT001");
        String script = "<script>alert(1)</script>";
        // 堃燊喆 are outside GB 2312: the PDF typesets them in the whole font (ReportFonts)
        String name = script + "堃燊喆" + "长".repeat(200 - script.length() - 5) + "&\"";
        assertThat(name).hasSize(200);
        Api analyst = Api.as(port, "analyst");
        Api.Response created = analyst.post("/api/v1/enterprises", """
                {"uscc":"%s","nameZh":%s,"nameEn":"<b>bold</b> & co","regionCode":"140402","industryCode":"4411",
                 "sizeClass":"MEDIUM","transitionStage":"INITIAL"}""".formatted(uscc, JSON.writeValueAsString(name)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response put = Api.as(port, "provider").putWithHeader("/api/v1/enterprises/" + uscc + "/activities/2025-01",
                """
                {"source":"POWER_GRID","activities":[
                  {"kind":"FUEL","code":"BITUMINOUS","quantity":2000,"unit":"t"},
                  {"kind":"ELECTRICITY_PURCHASED","quantity":120,"unit":"MWh"},
                  {"kind":"OUTPUT","code":"ELECTRICITY_SUPPLIED","quantity":4500,"unit":"MWh"}]}""",
                "Idempotency-Key", "report-hostile-1");
        assertThat(put.status()).as(put.toString()).isEqualTo(201);

        HttpResponse<byte[]> html = get("analyst", uscc, "text/html");
        assertThat(html.statusCode()).as(new String(html.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        String page = new String(html.body(), StandardCharsets.UTF_8);
        assertThat(page).doesNotContain(script).doesNotContain("<b>bold</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        HttpResponse<byte[]> pdf = get("analyst", uscc, "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text = pdfText(pdf.body()).replaceAll("\\s", "");
        assertThat(text).contains(script).contains("堃燊喆长长长长长长长长长长");
    }

    @Test
    void aPdfIsItsReadsCoverTheSectionsAndItsReadsTailAndShowsAChangeAtOnce() throws Exception {
        String uscc = newEnterprise("91140402MA0RPT002", "分页测试建材有限公司");
        putMonth(uscc, "2025-01", 2000);

        byte[] first = get("analyst", uscc, "application/pdf").body();
        byte[] second = get("analyst", uscc, "application/pdf").body();
        try (PDDocument one = Loader.loadPDF(first); PDDocument two = Loader.loadPDF(second)) {
            List<String> titles = new java.util.ArrayList<>();
            List<Integer> pages = new java.util.ArrayList<>();
            for (var item : two.getDocumentCatalog().getDocumentOutline().children()) {
                titles.add(item.getTitle());
                pages.add(two.getPages().indexOf(item.findDestinationPage(two)));
            }
            assertThat(titles).extracting(t -> t.substring(0, 2)).containsExactly("封面", "一、", "二、", "三、", "四、",
                    "五、", "六、", "七、", "八、", "九、", "十、");
            // in page order, one cover page, and the tail after the sections' pages
            assertThat(pages).isSorted().startsWith(0, 1).doesNotContain(-1);
            assertThat(pages.get(9)).isGreaterThan(pages.get(8));
            int tail = pages.get(9);
            // the sections read the same for both reads; the cover and the tail are each read's own
            assertThat(text(two, 2, tail)).isEqualTo(text(one, 2, tail)).contains("分页测试建材有限公司", "2025-01");
            assertThat(text(one, 1, 1)).isNotEqualTo(text(two, 1, 1));
            String tailOfTwo = text(two, tail + 1, two.getNumberOfPages());
            assertThat(tailOfTwo).contains("近两年查询记录", "证据日志叶子序号");
            // both reads' query records, one line each: time, organisation, user, basis, purpose
            assertThat(tailOfTwo.lines().filter(l -> l.contains("analyst") && l.contains("AGENCY_REVIEW")))
                    .hasSize(2);
            assertThat(text(two, 1, 1)).contains("分页测试建材有限公司", uscc, "目录");
            // the first read rendered the whole PDF (one font subset for all pages); the second put the
            // sections' kept pages, with their own subset, between its own cover and tail
            assertThat(fonts(one, 0)).isEqualTo(fonts(one, 1));
            assertThat(fonts(two, 0)).doesNotContainAnyElementsOf(fonts(two, 1));
        }

        // another month in the account (accounted before the PUT answers): the next PDF's sections show it
        putMonth(uscc, "2025-02", 2100);
        String third = pdfText(get("analyst", uscc, "application/pdf").body());
        assertThat(third).contains("2025-02");
        assertThat(pdfText(second)).doesNotContain("2025-02");
    }

    @Test
    void olderQueryRecordsComeFromKeptPagesAndEveryRecordIsListedOnceTheNewestFirst() throws Exception {
        String uscc = newEnterprise("91140402MA0RPT003", "查询记录分页测试有限公司");
        int pagesWorth = QueryRecordPages.PER_PAGE;
        for (int i = 0; i < 2 * pagesWorth + 7; i++) {
            assertThat(json("analyst", uscc).status()).isEqualTo(200);
        }

        // the two oldest pages' worth of records are kept pages; the 8 and 9 newer are each read's own
        byte[] first = get("analyst", uscc, "application/pdf").body();
        byte[] second = get("analyst", uscc, "application/pdf").body();
        try (PDDocument one = Loader.loadPDF(first); PDDocument two = Loader.loadPDF(second)) {
            int records = startOf(two, "九、");
            int evidence = startOf(two, "十、");
            // the tail's own page, then the kept pages, the newer first, then the evidence on a page of its own
            assertThat(evidence).isEqualTo(records + 3);
            String own = text(two, records + 1, records + 1);
            String newer = text(two, records + 2, records + 2);
            String oldest = text(two, records + 3, records + 3);
            assertThat(own.replaceAll("\\s", "")).contains("近两年查询记录（共" + (2 * pagesWorth + 9) + "条）");
            assertThat(rows(own)).hasSize(9);
            assertThat(rows(newer)).hasSize(pagesWorth);
            assertThat(rows(oldest)).hasSize(pagesWorth);
            assertThat(text(two, evidence + 1, evidence + 1)).contains("证据日志叶子序号").doesNotContain("AGENCY_REVIEW");
            // the first PDF listed the same older records on the same kept pages, and one fewer of its own
            int recordsOfOne = startOf(one, "九、");
            assertThat(text(one, recordsOfOne + 2, recordsOfOne + 3)).isEqualTo(text(two, records + 2, records + 3));
            assertThat(rows(text(one, recordsOfOne + 1, recordsOfOne + 1))).hasSize(8);
            // every record once, the newest first, as the JSON lists them
            List<String> listed = new java.util.ArrayList<>(rows(own));
            listed.addAll(rows(newer));
            listed.addAll(rows(oldest));
            assertThat(listed).hasSize(2 * pagesWorth + 9);
            List<String> times = listed.stream().map(l -> l.substring(0, 19)).toList();
            assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            // the kept pages, typeset in one small font, carry it once between them
            assertThat(fontFile(two, records + 1)).isSameAs(fontFile(two, records + 2));
        }
    }

    /** The font file of the first font of a page (from 0, where {@link #text} counts from 1). */
    private static Object fontFile(PDDocument doc, int page) throws IOException {
        var resources = doc.getPage(page).getResources();
        var font = (org.apache.pdfbox.pdmodel.font.PDType0Font) resources.getFont(resources.getFontNames().iterator()
                .next());
        return font.getDescendantFont().getFontDescriptor().getFontFile2().getCOSObject();
    }

    /** The page (from 0) that the outline item whose title starts with {@code title} points to. */
    private static int startOf(PDDocument doc, String title) throws IOException {
        for (var item : doc.getDocumentCatalog().getDocumentOutline().children()) {
            if (item.getTitle().startsWith(title)) {
                return doc.getPages().indexOf(item.findDestinationPage(doc));
            }
        }
        throw new AssertionError("no outline item " + title);
    }

    /** The lines of query records the analyst's reads left, each of them one line. */
    private static List<String> rows(String pageText) {
        return pageText.lines().filter(l -> l.contains("analyst") && l.contains("AGENCY_REVIEW")).toList();
    }

    /** A new enterprise in 长治 (a cement maker), created by the analyst; its USCC from the first 17 characters. */
    private String newEnterprise(String first17, String nameZh) {
        String uscc = first17 + Uscc.checkCharacter(first17);
        Api.Response created = Api.as(port, "analyst").post("/api/v1/enterprises", """
                {"uscc":"%s","nameZh":"%s","regionCode":"140402","industryCode":"3011",
                 "sizeClass":"MEDIUM","transitionStage":"INITIAL"}""".formatted(uscc, nameZh));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return uscc;
    }

    private void putMonth(String uscc, String month, int coal) {
        Api.Response put = Api.as(port, "provider").putWithHeader("/api/v1/enterprises/" + uscc + "/activities/" + month,
                """
                {"source":"POWER_GRID","activities":[
                  {"kind":"FUEL","code":"BITUMINOUS","quantity":%d,"unit":"t"},
                  {"kind":"ELECTRICITY_PURCHASED","quantity":120,"unit":"MWh"}]}""".formatted(coal),
                "Idempotency-Key", "report-pages-" + month);
        assertThat(put.status()).as(put.toString()).isEqualTo(201);
    }

    private static java.util.Set<Object> fonts(PDDocument doc, int page) throws IOException {
        var resources = doc.getPage(page).getResources();
        java.util.Set<Object> fonts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (var name : resources.getFontNames()) {
            fonts.add(resources.getFont(name).getCOSObject());
        }
        return fonts;
    }

    private static String text(PDDocument doc, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(doc);
    }

    @Test
    void theJsonReportVerifiesOfflineAndFailsOnceAFigureIsChanged() throws Exception {
        HttpResponse<byte[]> json = get("enterprise", FEATURED, "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        Path key = dir.resolve("key.pem");
        Files.writeString(key, Api.anonymous(port).get("/api/v1/evidence/public-key").body());
        Path file = dir.resolve("report.json");
        Files.write(file, json.body());
        assertThat(verify(key, file)).as(out).isZero();
        assertThat(out).contains("验证通过");

        // the body's text as sent is its canonical form: its SHA-256 is the hash in the evidence leaf
        String text = new String(json.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"body\":{");
        String bodyText = text.substring("{\"body\":".length(), text.lastIndexOf(",\"evidence\":"));
        assertThat(bodyText).isEqualTo(OfflineVerifier.canonicalJson(CreditReports.JSON.readTree(bodyText)));
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(bodyText.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isEqualTo(JSON.readTree(json.body()).path("evidence").path("bodySha256").asString());

        ObjectNode tampered = (ObjectNode) JSON.readTree(json.body());
        ObjectNode firstYear = (ObjectNode) tampered.path("body").path("accounts").get(0);
        firstYear.put("totalLocationTco2e", firstYear.path("totalLocationTco2e").decimalValue().add(java.math.BigDecimal.ONE));
        Path bad = dir.resolve("tampered.json");
        Files.write(bad, JSON.writeValueAsBytes(tampered));
        assertThat(verify(key, bad)).as(out).isEqualTo(1);

        // re-serialised without any change (different whitespace, key order kept) still verifies
        Path same = dir.resolve("pretty.json");
        Files.writeString(same, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json.body())));
        assertThat(verify(key, same)).as(out).isZero();
    }

    @Autowired
    EvidenceLog evidenceLog;

    @Autowired
    EvidenceVerification verification;

    @Autowired
    ReportEvidence reportEvidence;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QueryEvidence queryEvidence;

    @Test
    void theVerificationJobRecomputesAReportLeafAndNoticesATamperedRow() {
        JsonNode report = json("regulator", FEATURED).json();
        JsonNode ev = report.path("evidence");
        LeafInfo leaf = evidenceLog.leafAt(ev.path("leafIndex").asLong()).orElseThrow();
        assertThat(leaf.kind()).isEqualTo("credit_report");
        assertThat(reportEvidence.recompute(leaf.recordRef()).orElseThrow()).isEqualTo(leaf.data());
        assertThat(new String(leaf.data(), StandardCharsets.UTF_8)).contains("bodySha256=" + ev.path("bodySha256").asString());

        // the number's serial is the report's own query record, the newest it lists, which went into the log with it
        String number = report.path("body").path("reportNumber").asString();
        long queryId = Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
        assertThat(report.path("body").path("queryRecords").get(0).path("id").asLong()).isEqualTo(queryId);
        LeafInfo queryLeaf = evidenceLog.leafFor("report_query:" + queryId).orElseThrow();
        assertThat(queryLeaf.entryId()).isLessThan(leaf.entryId());
        assertThat(queryEvidence.recompute(queryLeaf.recordRef()).orElseThrow()).isEqualTo(queryLeaf.data());

        long id = Long.parseLong(leaf.recordRef().substring("credit_report:".length()));
        jdbc.sql("UPDATE credit_report SET body_sha256 = ? WHERE id = ?").params("00".repeat(32), id).update();
        List<EvidenceAlert> alerts = verification.verifyNow().newAlerts();
        assertThat(alerts).filteredOn(a -> a.code().equals("EVIDENCE_SOURCE_MISMATCH"))
                .extracting(EvidenceAlert::recordRef).contains(leaf.recordRef());
    }

    String out = "";

    private int verify(Path key, Path report) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code = OfflineVerifier.run(new String[] {"report", "--key", key.toString(), "--report", report.toString()},
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        out = buffer.toString(StandardCharsets.UTF_8);
        return code;
    }

    private Api.Response json(String user, String uscc) {
        return Api.as(port, user).get(PATH.formatted(uscc), "application/json");
    }

    private HttpResponse<byte[]> get(String user, String uscc, String accept) {
        return Api.as(port, user).getBytes(PATH.formatted(uscc), accept);
    }

    /**
     * Renders the first page at 150, 200 and 300 dpi and scans its upper right corner for a QR code,
     * which must read the same at each. A scan tries zxing's local binarizer, then its global one, as
     * scanner apps do: on sharp renders at a few scales (6.1 pixels a module at 200 dpi) the local one
     * misplaces the sampling grid of a code whose modules are exactly where they should be.
     */
    static String pdfQrCode(byte[] pdf) throws Exception {
        java.util.Set<String> read = new java.util.HashSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int dpi : new int[] {150, 200, 300}) {
                java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(doc)
                        .renderImageWithDPI(0, dpi);
                java.awt.image.BufferedImage corner = page.getSubimage(page.getWidth() / 2, 0, page.getWidth() / 2,
                        page.getHeight() / 4);
                int w = corner.getWidth();
                int h = corner.getHeight();
                var source = new com.google.zxing.RGBLuminanceSource(w, h, corner.getRGB(0, 0, w, h, null, 0, w));
                var hints = java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE);
                try {
                    read.add(new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                            new com.google.zxing.common.HybridBinarizer(source)), hints).getText());
                } catch (com.google.zxing.ReaderException e) {
                    read.add(new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                            new com.google.zxing.common.GlobalHistogramBinarizer(source)), hints).getText());
                }
            }
        }
        assertThat(read).hasSize(1);
        return read.iterator().next();
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
