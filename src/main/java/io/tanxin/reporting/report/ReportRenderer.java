package io.tanxin.reporting.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Renders a report as HTML (Thymeleaf, Chinese with English subtitles) and as PDF from that HTML. */
@Component
class ReportRenderer {

    static final String FONT = "WenQuanYi Micro Hei";
    private static final String FONT_PATH = "/fonts/wqy-microhei.ttc";
    private static final String FONT_NAME = "WenQuanYiMicroHei";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportRenderer.class);

    private final ITemplateEngine templates;

    ReportRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    String html(CreditReport report) {
        Context ctx = new Context(java.util.Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("r", report.body());
        ctx.setVariable("ev", report.evidence());
        ctx.setVariable("qr", qrDataUri(report.evidence().verificationUrl()));
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

    byte[] pdf(CreditReport report) {
        long t0 = System.nanoTime();
        String html = html(report);
        long t1 = System.nanoTime();
        TrueTypeFont ttf = FONTS.borrow();
        long t2 = System.nanoTime();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024)) {
            // subset-embedded, so the PDF carries only the glyphs it uses and its text still extracts (ToUnicode)
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(doc);
            builder.useFont(new PDFontSupplier(font), FONT);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            if (log.isDebugEnabled()) {
                log.debug("report {}: html {} ms, waited for a font {} ms, PDF {} ms, {} bytes",
                        report.body().reportNumber(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                        (System.nanoTime() - t2) / 1_000_000, out.size());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FONTS.giveBack(ttf);
        }
    }

    private static final FontPool FONTS = new FontPool(Math.max(2, Runtime.getRuntime().availableProcessors()));

    /**
     * Parsed copies of the report font (5 MB, 49,531 glyphs). Parsing it is most of a PDF's cost
     * when done per document, as openhtmltopdf does with a font stream; a parsed font is not safe
     * for concurrent use (its tables are read lazily through one stream), so each render borrows a
     * copy for itself. The pool's size also bounds how many PDFs render at once: rendering is pure
     * CPU work, and more of it in parallel than there are cores only adds switching and garbage.
     */
    static final class FontPool {

        private final java.util.concurrent.BlockingQueue<TrueTypeFont> idle;
        private final java.util.concurrent.Semaphore parse;

        FontPool(int size) {
            this.idle = new java.util.concurrent.ArrayBlockingQueue<>(size);
            this.parse = new java.util.concurrent.Semaphore(size);
        }

        TrueTypeFont borrow() {
            TrueTypeFont f = idle.poll();
            if (f != null) {
                return f;
            }
            if (parse.tryAcquire()) {
                try {
                    // the collection stays open: its fonts read their tables from it lazily
                    TrueTypeFont parsed = new TrueTypeCollection(new java.io.ByteArrayInputStream(fontBytes()))
                            .getFontByName(FONT_NAME);
                    if (parsed == null) {
                        throw new IllegalStateException(FONT_NAME + " missing from " + FONT_PATH);
                    }
                    return parsed;
                } catch (IOException e) {
                    parse.release();
                    throw new UncheckedIOException(e);
                }
            }
            try {
                return idle.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the report font", e);
            }
        }

        void giveBack(TrueTypeFont f) {
            idle.offer(f);
        }
    }

    private static volatile byte[] font;

    private static byte[] fontBytes() {
        byte[] f = font;
        if (f == null) {
            try (InputStream in = ReportRenderer.class.getResourceAsStream(FONT_PATH)) {
                if (in == null) {
                    throw new IllegalStateException("font missing: " + FONT_PATH);
                }
                f = in.readAllBytes();
                font = f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return f;
    }

    static String qrDataUri(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 160, 160,
                    Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.CHARACTER_SET, "UTF-8"));
            BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < m.getWidth(); x++) {
                for (int y = 0; y < m.getHeight(); y++) {
                    img.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(img, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR code", e);
        }
    }
}
