package io.tanxin.reporting.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import io.tanxin.reporting.QueryLog;
import io.tanxin.reporting.QueryRecord;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Renders a report as HTML (Thymeleaf, Chinese with English subtitles) and as PDF from that HTML. */
@Component
class ReportRenderer {

    private static final ReportFonts FONTS = ReportFonts.INSTANCE;

    /** Times as a reader in the province reads them; the JSON keeps the exact instant. */
    private static final java.time.format.DateTimeFormatter SHANGHAI_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportRenderer.class);

    private final ITemplateEngine templates;
    private final RenderedSections sections;
    private final QueryLog queries;

    ReportRenderer(ITemplateEngine templates, RenderedSections sections, QueryLog queries) {
        this.templates = templates;
        this.sections = sections;
        this.queries = queries;
    }

    /** The whole report as one HTML page. */
    String html(CreditReport report) {
        return html(report, Part.PAGE, report.body().queryRecords(), false);
    }

    /**
     * What a render holds. A PDF's sections one to eight are the same for every read until the
     * enterprise's data change ({@link RenderedSections}); its cover (number, time, purpose, QR
     * code) and its tail (query records, evidence) are each read's own, but for the older query
     * records, whose pages are kept as well ({@link QueryRecordPages}). In a PDF the sections, the
     * tail and the evidence each start a page, so that kept pages fit in between.
     */
    private enum Part {
        PAGE(false, true, true), PDF_WHOLE(true, true, true), PDF_SECTIONS(true, false, true),
        PDF_COVER_AND_TAIL(true, true, false), PDF_QUERY_RECORDS(true, false, false);

        final boolean pdf;
        final boolean cover;
        final boolean sections;

        Part(boolean pdf, boolean cover, boolean sections) {
            this.pdf = pdf;
            this.cover = cover;
            this.sections = sections;
        }
    }

    /**
     * Reads the font and makes its common part in the background after start-up, so that the first
     * PDF does not wait for it (about two seconds).
     */
    @EventListener(ApplicationReadyEvent.class)
    void prepareFonts() {
        Thread t = new Thread(() -> {
            try {
                FONTS.common().giveBack(FONTS.common().borrow());
            } catch (RuntimeException e) {
                log.warn("report font not prepared; the first PDF will try again", e);
            }
        }, "report-fonts");
        t.setDaemon(true);
        t.start();
    }

    /** For the PDF the QR code is an {@code <object>} drawn by {@link QrObjectDrawer}, in HTML an inline SVG. */
    private String html(CreditReport report, Part part, List<QueryRecord> rows, boolean keptRecordPages) {
        Context ctx = new Context(java.util.Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("r", report.body());
        ctx.setVariable("ev", report.evidence());
        ctx.setVariable("pdf", part.pdf);
        ctx.setVariable("cover", part.cover);
        ctx.setVariable("sections", part.sections);
        ctx.setVariable("recordPage", part == Part.PDF_QUERY_RECORDS);
        // the query records this render lays out; kept pages of older ones go in before the evidence
        ctx.setVariable("rows", rows);
        ctx.setVariable("keptRecordPages", keptRecordPages);
        ctx.setVariable("shanghai", SHANGHAI_TIME);
        if (!part.pdf) {
            QrCode qr = QrCode.of(report.evidence().verificationUrl());
            ctx.setVariable("qrSize", qr.size());
            ctx.setVariable("qrPath", qr.svgPath());
        }
        BigDecimal max = report.body().monthlyTrend().stream().map(CreditReport.MonthPoint::totalLocationTco2e)
                .filter(v -> v != null).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        BigDecimal top = max.signum() > 0 ? max : BigDecimal.ONE;
        Map<String, BigDecimal> widths = new java.util.HashMap<>();
        report.body().monthlyTrend().forEach(m -> widths.put(m.month(), m.totalLocationTco2e() == null
                || m.totalLocationTco2e().signum() <= 0 ? BigDecimal.ZERO
                        : m.totalLocationTco2e().multiply(BigDecimal.valueOf(100)).divide(top, 1,
                                java.math.RoundingMode.HALF_UP)));
        ctx.setVariable("widths", widths);
        ctx.setVariable("labelColours", Map.of("DARK_GREEN", "#1b6e2d", "LIGHT_GREEN", "#7cc576", "YELLOW", "#e6c229",
                "RED", "#c62828"));
        return templates.process("reporting/credit-report", ctx);
    }

    /**
     * The PDF of a read. If the sections' pages of the same page text were rendered before, only
     * this read's cover and tail are rendered and the sections go in between; otherwise the whole
     * PDF is rendered at once (as cheap as before the split) and its sections' pages are kept. The
     * query records older than the newest page's worth go in from their own kept pages.
     */
    byte[] pdf(CreditReport report) {
        long t0 = System.nanoTime();
        boolean keeping = sections.keeping();
        List<QueryRecord> records = report.body().queryRecords();
        QueryRecordPages recordPages = keeping ? QueryRecordPages.of(records,
                queries.countOlderThanShown(report.body().identity().uscc()), QueryRecordPages.PER_PAGE)
                : QueryRecordPages.onePart(records);
        List<RenderedSections.Pages> olderRecords = new ArrayList<>(recordPages.chunks().size());
        for (List<QueryRecord> chunk : recordPages.chunks()) {
            olderRecords.add(recordPage(report, chunk));
        }
        boolean keptRecords = !olderRecords.isEmpty();
        RenderedSections.Key key = keeping ? sectionsKey(report) : null;
        byte[] kept = key == null ? null : sections.find(key);
        byte[] pdf;
        if (kept != null) {
            pdf = render(html(report, Part.PDF_COVER_AND_TAIL, recordPages.own(), keptRecords), Part.PDF_COVER_AND_TAIL,
                    kept, olderRecords).pdf();
        } else {
            Rendered whole = render(html(report, Part.PDF_WHOLE, recordPages.own(), keptRecords), Part.PDF_WHOLE, null,
                    olderRecords);
            pdf = whole.pdf();
            // after the render, which gave its font copy back: taking the pages out needs none
            if (key != null) {
                try {
                    sections.keep(key, () -> ReportPdfAssembly.pages(pdf, whole.firstSection(), whole.tail()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (log.isDebugEnabled()) {
            log.debug("report {}: {} in {} ms, {} bytes, {} query records in {} kept pages", report.body().reportNumber(),
                    kept != null ? "cover and tail, sections kept" : "whole PDF", (System.nanoTime() - t0) / 1_000_000,
                    pdf.length, records.size(), olderRecords.size());
        }
        return pdf;
    }

    /**
     * Everything a PDF's sections one to eight show: the body but for the read's own number, time,
     * purpose and query records. Equal values make the same sections page text, so the key of their
     * kept pages is found by these, and the text is written only when they change: Thymeleaf wrote
     * it for every PDF just to hash it (about 3 % of a PDF's CPU). The reports of one content
     * version share its lists ({@link ReportContents}), so comparing them is mostly comparing references.
     */
    record SectionsShown(String modelVersion, boolean synthetic, CreditReport.Identity identity,
            List<CreditReport.YearAccount> accounts, List<CreditReport.MonthPoint> monthlyTrend,
            List<CreditReport.Structure> structure, CreditReport.Intensity intensity, CreditReport.RatingPart rating,
            CreditReport.DataSources dataSources, List<CreditReport.Finding> findings,
            List<CreditReport.NegativeItem> negativeInformation, List<io.tanxin.reporting.Objection> objections,
            List<io.tanxin.reporting.DisputedItem> disputedItems) {

        static SectionsShown of(CreditReport.Body b) {
            return new SectionsShown(b.modelVersion(), b.synthetic(), b.identity(), b.accounts(), b.monthlyTrend(),
                    b.structure(), b.intensity(), b.rating(), b.dataSources(), b.findings(), b.negativeInformation(),
                    b.objections(), b.disputedItems());
        }
    }

    private record SectionsKey(SectionsShown shown, RenderedSections.Key key) {
    }

    // one an enterprise, its newest, as ReportContents keeps one content an enterprise
    private final Cache<String, SectionsKey> sectionsKeys = Caffeine.newBuilder().maximumSize(4_096)
            .expireAfterAccess(java.time.Duration.ofHours(1)).build();

    /** The key of the report's sections' pages: looked up by what they show, or made from their page text. */
    private RenderedSections.Key sectionsKey(CreditReport report) {
        SectionsShown shown = SectionsShown.of(report.body());
        String uscc = report.body().identity().uscc();
        SectionsKey known = sectionsKeys.getIfPresent(uscc);
        if (known != null && known.shown().equals(shown)) {
            return known.key();
        }
        RenderedSections.Key key = sections.key(sectionsXhtml(report));
        sectionsKeys.put(uscc, new SectionsKey(shown, key));
        return key;
    }

    /** The page text of a PDF's sections one to eight, which their kept pages are keyed by. */
    String sectionsXhtml(CreditReport report) {
        return html(report, Part.PDF_SECTIONS, List.of(), false);
    }

    /**
     * The page of a chunk of older query records: kept (by its records), or rendered alone and kept
     * without its small font, which goes into each PDF once for all its pages of records.
     */
    private RenderedSections.Pages recordPage(CreditReport report, List<QueryRecord> chunk) {
        return sections.findOrKeep(sections.key(QueryRecordPages.pageIdentity(chunk)), () -> render(
                html(report, Part.PDF_QUERY_RECORDS, chunk, false), Part.PDF_QUERY_RECORDS, null, List.of()).pages());
    }

    /**
     * The first element of the sections, of the tail and of the evidence: each starts a page.
     * Anchored: openhtmltopdf looks ids up with {@code find()} in a hash map, so a bare "s1" would
     * also take "s10"'s page.
     */
    private static final java.util.regex.Pattern FIRST_SECTION = java.util.regex.Pattern.compile("^s1$");
    private static final java.util.regex.Pattern TAIL = java.util.regex.Pattern.compile("^s9$");
    private static final java.util.regex.Pattern EVIDENCE = java.util.regex.Pattern.compile("^s10$");

    /**
     * A saved PDF and the pages (from 0) its first section and its tail start on, or -1; for a page
     * of query records, the code points of the small font it leaves out and the names it was under.
     */
    private record Rendered(byte[] pdf, int firstSection, int tail, int[] fontPoints, List<String> fontNames) {

        RenderedSections.Pages pages() {
            return fontNames.isEmpty() ? new RenderedSections.Pages(pdf)
                    : new RenderedSections.Pages(pdf, fontPoints, fontNames);
        }
    }

    /**
     * Renders {@code xhtml}; {@code keptSections} go in before the tail's page, {@code olderRecords}
     * (one PDF a chunk, the newest first) before the evidence's page.
     */
    private Rendered render(String xhtml, Part part, byte[] keptSections, List<RenderedSections.Pages> olderRecords) {
        // a read's own pages are typeset in a small font of just their characters; made before the
        // font copy is borrowed, since making one borrows a copy
        ReportFonts.OwnFont ownFont = part == Part.PDF_COVER_AND_TAIL || part == Part.PDF_QUERY_RECORDS
                ? FONTS.forText(xhtml) : null;
        // and so are the small fonts the kept pages of records left out (one evicted is made again):
        // two renders each holding a copy while making a font would wait for each other's
        List<ReportFonts.OwnFont> recordFonts = new ArrayList<>(olderRecords.size());
        for (RenderedSections.Pages page : olderRecords) {
            recordFonts.add(page.fontPoints() == null ? null : FONTS.forCodePoints(page.fontPoints()));
        }
        TrueTypeFont common = FONTS.common().borrow();
        WholeFont whole = null;
        List<PDDocument> inserted = new ArrayList<>(olderRecords.size() + 2);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024)) {
            // the small fonts in this PDF, each once: its own pages' and those its kept pages of records left out
            Map<ReportFonts.OwnFont, PDFont> smallFonts = new java.util.IdentityHashMap<>();
            PDFont own = ownFont == null ? null : opened(ownFont, smallFonts, inserted);
            whole = new WholeFont(doc);
            try (PdfBoxRenderer renderer = builder(doc, common, own, whole).withW3cDocument(parse(xhtml), null)
                    .buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
                int tail = part.cover ? pageOf(renderer, TAIL) : -1;
                int firstSection = part.sections && keptSections == null ? pageOf(renderer, FIRST_SECTION) : -1;
                if (!olderRecords.isEmpty()) {
                    // each kept page after the newer ones: the records go the newest first, as in the JSON
                    int at = pageOf(renderer, EVIDENCE);
                    for (int i = 0; i < olderRecords.size(); i++) {
                        PDDocument records = Loader.loadPDF(olderRecords.get(i).pdf());
                        inserted.add(records);
                        if (recordFonts.get(i) != null) {
                            ReportPdfAssembly.putFontBack(records, olderRecords.get(i).fontNames(),
                                    opened(recordFonts.get(i), smallFonts, inserted));
                        }
                        ReportPdfAssembly.insertPages(doc, at, records);
                        at += records.getNumberOfPages();
                    }
                }
                if (keptSections != null) {
                    PDDocument sectionsDoc = Loader.loadPDF(keptSections);
                    inserted.add(sectionsDoc);
                    ReportPdfAssembly.insertSections(doc, tail, sectionsDoc);
                }
                // a kept page of records goes without its small font, which a PDF then carries once
                List<String> leftOut = part == Part.PDF_QUERY_RECORDS && own != null
                        ? ReportPdfAssembly.leaveFontOut(doc, own) : List.of();
                // the fonts are subset when the document is saved, so they go back to the pool only after
                doc.save(out);
                return new Rendered(out.toByteArray(), firstSection, tail,
                        leftOut.isEmpty() ? null : ownFont.codePoints(), leftOut);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // the inserted pages and the own font are read from their own documents until the PDF is saved
            for (PDDocument d : inserted) {
                try {
                    d.close();
                } catch (IOException e) {
                    log.debug("closing a kept PDF", e);
                }
            }
            FONTS.common().giveBack(common);
            if (whole != null && whole.ttf != null) {
                FONTS.whole().giveBack(whole.ttf);
            }
        }
    }

    /** The small font opened for this PDF, once however many of its pages use it. */
    private static PDFont opened(ReportFonts.OwnFont font, Map<ReportFonts.OwnFont, PDFont> opened,
            List<PDDocument> carriers) throws IOException {
        PDFont found = opened.get(font);
        if (found == null) {
            ReportFonts.Opened o = font.open();
            carriers.add(o.carrier());
            found = o.font();
            opened.put(font, found);
        }
        return found;
    }

    private static int pageOf(PdfBoxRenderer renderer, java.util.regex.Pattern id) {
        List<PagePosition<Box>> found = renderer.findPagePositionsByID(id);
        if (found.isEmpty()) {
            throw new IllegalStateException("the report has no element " + id);
        }
        return found.get(0).getPageNo();
    }

    /**
     * Parses the page as XML, as openhtmltopdf's {@code withHtmlContent} would, with a factory made
     * once: openhtmltopdf looks a SAX and a transformer factory up and tries their security
     * features (throwing for the unsupported ones) for every document, half the cost of parsing.
     * Our own template's output, but external entities and DTDs stay off all the same.
     */
    private static org.w3c.dom.Document parse(String xhtml) {
        try {
            DocumentBuilder parser = XHTML.newDocumentBuilder();
            parser.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("the report page is not well-formed XHTML", e);
        }
    }

    private static final DocumentBuilderFactory XHTML = xhtmlFactory();

    private static DocumentBuilderFactory xhtmlFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setExpandEntityReferences(false);
        f.setXIncludeAware(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            // a deferred DOM expands its nodes on first access, which layout then pays for many times over
            f.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser without the security features", e);
        }
        return f;
    }

    /**
     * The fonts by the families the template names: the common part subset-embedded, so the PDF
     * carries only the glyphs it uses and its text still extracts (ToUnicode), or for a read's own
     * pages its small font, embedded once ({@link ReportFonts.OwnFont}); and the whole font for
     * characters outside them.
     */
    private static PdfRendererBuilder builder(PDDocument doc, TrueTypeFont common, PDFont own, WholeFont whole)
            throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePDDocument(doc);
        builder.useFont(new PDFontSupplier(own == null ? PDType0Font.load(doc, common, true) : own), ReportFonts.COMMON);
        builder.useFont(whole, ReportFonts.WHOLE);
        builder.useObjectDrawerFactory(QR_DRAWER);
        // openhtmltopdf asks every font of the family list for its line metrics (which would load the
        // whole font into each PDF) unless they are cached: kept here, the whole font is loaded only
        // into a PDF with a character outside the common part
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, FONT_METRICS);
        return builder;
    }

    /** The whole font, borrowed and loaded into the document only if a character needs it. */
    private static final class WholeFont extends PDFontSupplier {

        private final PDDocument doc;
        private TrueTypeFont ttf;
        private PDFont font;

        WholeFont(PDDocument doc) {
            super(null);
            this.doc = doc;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                ttf = FONTS.whole().borrow();
                try {
                    font = PDType0Font.load(doc, ttf, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return font;
        }
    }

    private static final DefaultObjectDrawerFactory QR_DRAWER = new DefaultObjectDrawerFactory();

    /** Font metrics by family, kept across documents: without them every PDF would load the whole font. */
    private static final FSDefaultCacheStore FONT_METRICS = new FSDefaultCacheStore();

    static {
        QR_DRAWER.registerDrawer(QrObjectDrawer.TYPE, new QrObjectDrawer());
        OpenHtmlToPdfLogging.install();
        // zlib's fastest level for the PDF's streams (page content, the embedded font subset): at the
        // default level 6 compressing took ~13 % of a PDF's CPU, unseen by Java profiles (native code);
        // level 1 makes the file a little larger. An operator's own setting is kept.
        if (System.getProperty(Filter.SYSPROP_DEFLATELEVEL) == null) {
            System.setProperty(Filter.SYSPROP_DEFLATELEVEL, "1");
        }
    }
}
