package io.tanxin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.tanxin.reporting.AccessBasis;
import io.tanxin.reporting.DisputedItem;
import io.tanxin.reporting.ObjectionItemType;
import io.tanxin.reporting.QueryRecord;
import io.tanxin.reporting.ReportPurpose;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The key of a PDF's kept sections is looked up by what the sections show
 * ({@link ReportRenderer.SectionsShown}); that is sound only while the sections' page text depends
 * on nothing else. These render the real template.
 */
class ReportSectionsKeyTest {

    final ReportRenderer renderer = new ReportRenderer(engine(), new RenderedSections(1,
            new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class)), null);

    @Test
    void everyReadOfTheSameContentHasTheSameSectionsText() {
        CreditReport first = report("TX-20261130-A-000001", "2026-11-30T09:00+08:00", ReportPurpose.LOAN_APPROVAL,
                List.of(), 7, "某某钢铁有限公司", "88.0", "LIGHT_GREEN");
        CreditReport later = report("TX-20261201-A-000042", "2026-12-01T17:30:05.123+08:00",
                ReportPurpose.POST_LOAN_MONITORING, List.of(query(41), query(40)), 99, "某某钢铁有限公司", "88.0",
                "LIGHT_GREEN");

        assertThat(ReportRenderer.SectionsShown.of(later.body())).isEqualTo(ReportRenderer.SectionsShown.of(first.body()));
        assertThat(renderer.sectionsXhtml(later)).isEqualTo(renderer.sectionsXhtml(first));
    }

    @Test
    void whatTheSectionsShowChangesBothTheirTextAndWhatTheyAreFoundBy() {
        CreditReport base = report("TX-1", "2026-11-30T09:00+08:00", ReportPurpose.LOAN_APPROVAL, List.of(), 7,
                "某某钢铁有限公司", "88.0", "LIGHT_GREEN");
        for (CreditReport changed : List.of(
                report("TX-1", "2026-11-30T09:00+08:00", ReportPurpose.LOAN_APPROVAL, List.of(), 7, "某某焦化有限公司",
                        "88.0", "LIGHT_GREEN"),
                report("TX-1", "2026-11-30T09:00+08:00", ReportPurpose.LOAN_APPROVAL, List.of(), 7, "某某钢铁有限公司",
                        "88.1", "LIGHT_GREEN"),
                report("TX-1", "2026-11-30T09:00+08:00", ReportPurpose.LOAN_APPROVAL, List.of(), 7, "某某钢铁有限公司",
                        "88.0", "YELLOW"))) {
            assertThat(ReportRenderer.SectionsShown.of(changed.body()))
                    .isNotEqualTo(ReportRenderer.SectionsShown.of(base.body()));
            assertThat(renderer.sectionsXhtml(changed)).isNotEqualTo(renderer.sectionsXhtml(base));
        }
    }

    private static CreditReport report(String number, String issuedAt, ReportPurpose purpose, List<QueryRecord> queries,
            long leaf, String name, String monthTco2e, String label) {
        // the content's lists as ReportContent makes them: one instance shared by the reads of a version
        CreditReport.Identity identity = new CreditReport.Identity("91140100MA0TEST01X", name, "Test Steel Co.",
                "140100", "太原市", "C31", "黑色金属冶炼和压延加工业", "LARGE", "INITIAL", null, null);
        CreditReport.Body body = new CreditReport.Body(number, issuedAt, "Asia/Shanghai", "v1", true, purpose.name(),
                purpose.nameZh(), identity,
                List.of(new CreditReport.YearAccount(2025, 12, new BigDecimal("1000.0"), new BigDecimal("200.0"),
                        new BigDecimal("180.0"), new BigDecimal("1200.0"), new BigDecimal("1180.0"),
                        new BigDecimal("400.0"), new BigDecimal("90"))),
                List.of(new CreditReport.MonthPoint("2025-01", new BigDecimal(monthTco2e), new BigDecimal("12.0"),
                        new BigDecimal(monthTco2e).add(new BigDecimal("12.0")), 90, null),
                        new CreditReport.MonthPoint("2025-02", new BigDecimal("80.0"), new BigDecimal("11.0"),
                                new BigDecimal("91.0"), 90, "DISPUTED")),
                List.of(new CreditReport.Structure(2025, "SCOPE_1", "SCOPE1_COMBUSTION", "FUEL", "COAL",
                        new BigDecimal("1000.0"), new BigDecimal("83.3"))),
                new CreditReport.Intensity(2025, 1.2, 1.5, 0.8, 2, "MEDIUM", List.of()),
                new CreditReport.RatingPart(3, 2025, "YEAR", 71.5, label, "YELLOW".equals(label) ? "黄" : "浅绿", "HIGH",
                        false, List.of(), List.of(new CreditReport.Reason("TREND", "排放强度下降较慢", "Slow decline")),
                        List.of(), null),
                new CreditReport.DataSources(List.of(new CreditReport.Source("CSV", 12, "2025-01", "2025-12")),
                        new BigDecimal("90"), 2025),
                List.of(), List.of(), List.of(),
                List.of(new DisputedItem(ObjectionItemType.MONTH_FIGURE, "2025-02", 5, DisputedItem.Mark.DISPUTED)),
                queries);
        CreditReport.Evidence evidence = new CreditReport.Evidence("REPORT", leaf, "ab".repeat(32), "leaf", leaf + 1,
                "root", "checkpoint " + leaf, List.of(), "http://localhost/api/v1/evidence/leaves/" + leaf,
                "http://localhost/api/v1/evidence/public-key", "verify");
        return new CreditReport(body, evidence);
    }

    private static QueryRecord query(long id) {
        return new QueryRecord(id, "91140100MA0TEST01X", Instant.parse("2026-11-30T01:00:00Z").plusSeconds(id), "bank1",
                "B001", "某银行", AccessBasis.CONSENT, ReportPurpose.POST_LOAN_MONITORING, 1L);
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        return engine;
    }
}
