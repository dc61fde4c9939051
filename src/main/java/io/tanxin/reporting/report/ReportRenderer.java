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
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Renders a report as HTML (Thymeleaf, Chinese with English subtitles) and as PDF from that HTML. */
@Component
class ReportRenderer {

    static final String FONT = "Droid Sans Fallback";
    private static final String FONT_PATH = "/fonts/DroidSansFallbackFull.ttf";

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
        String html = html(report);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new java.io.ByteArrayInputStream(fontBytes()), FONT);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static volatile byte[] font;

    /** The font file read once (it is large); openhtmltopdf still subsets it per document. */
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
