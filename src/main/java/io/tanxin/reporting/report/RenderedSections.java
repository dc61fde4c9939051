package io.tanxin.reporting.report;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The PDF pages of a report's sections one to eight (identity to objections), by the SHA-256 of
 * the XHTML they are rendered from (found by what they show, {@link ReportRenderer.SectionsShown}).
 * Those sections change only when the enterprise's data do, while every read brings its own
 * number, time, query record and evidence leaf; laying the sections out again for each read was
 * most of a PDF's CPU. The key is the page's own text, so any
 * change of a figure, mark, name or rating is another key: nothing to invalidate, and a stale page
 * cannot be served. A read that finds no pages renders its whole PDF and keeps the sections' pages
 * from it, so a miss costs what a PDF cost before they were kept. The pages of older query
 * records are kept the same way ({@link QueryRecordPages}). Bounded by size
 * ({@code tanxin.reporting.rendered-sections-mb}, 0 turns it off: every PDF is then rendered
 * whole) and dropped after an hour unread; 256 MB hold the demo province's 1,180 enterprises'
 * sections (about 80 KB each) and pages of query records (about 3 KB a page without their font).
 */
@Component
class RenderedSections {

    private final Cache<String, Pages> pages;

    /**
     * Kept pages as a PDF. Pages of query records leave their small font out: typeset in one font
     * of the same characters, page after page (the same banks, dates and purposes), each page
     * carried a copy of it, 20 KB beside 3 KB of text, and so did every PDF that took the pages.
     * They keep the font's code points and the resource names it went under; the font goes into
     * each PDF once, however many of its pages use it ({@link ReportPdfAssembly#putFontBack}).
     *
     * @param fontPoints the code points of the {@link ReportFonts.OwnFont} left out, or null if none is
     * @param fontNames the page resource names it was under
     */
    record Pages(byte[] pdf, int[] fontPoints, java.util.List<String> fontNames) {

        Pages(byte[] pdf) {
            this(pdf, null, java.util.List.of());
        }

        int weight() {
            return pdf.length + (fontPoints == null ? 0 : 4 * fontPoints.length) + 64;
        }
    }

    RenderedSections(@Value("${tanxin.reporting.rendered-sections-mb:256}") long megabytes,
            ObjectProvider<MeterRegistry> meters) {
        if (megabytes < 0) {
            throw new IllegalArgumentException("tanxin.reporting.rendered-sections-mb must be 0 or more: " + megabytes);
        }
        this.pages = megabytes == 0 ? null : Caffeine.newBuilder()
                .maximumWeight(megabytes * 1024 * 1024)
                .weigher((String key, Pages kept) -> kept.weight())
                .expireAfterAccess(Duration.ofHours(1))
                .recordStats()
                .build();
        if (pages != null) {
            meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, pages, "report.sections.pdf"));
        }
    }

    /** False when keeping is off: then a PDF needs no key, nor the sections' page text to make one. */
    boolean keeping() {
        return pages != null;
    }

    /** The key of the pages rendered from {@code xhtml}: its SHA-256. */
    record Key(String sha256) {
    }

    Key key(String xhtml) {
        return new Key(sha256(xhtml));
    }

    /** The pages kept under {@code key}, or null. */
    byte[] find(Key key) {
        Pages found = kept(key);
        return found == null ? null : found.pdf();
    }

    private Pages kept(Key key) {
        return pages == null ? null : pages.getIfPresent(key.sha256());
    }

    /**
     * Keeps the pages that {@code pdf} makes under {@code key}, unless keeping is off. Concurrent
     * first reads of an enterprise each render their own whole PDF (each needs its own cover and
     * tail anyway) and the last one's pages stay: they are the same pages.
     */
    void keep(Key key, PdfPages pdf) throws java.io.IOException {
        if (pages != null) {
            pages.put(key.sha256(), new Pages(pdf.get()));
        }
    }

    /** The pages kept under {@code key}, or those {@code render} makes, kept (when keeping is on). */
    Pages findOrKeep(Key key, java.util.function.Supplier<Pages> render) {
        Pages found = kept(key);
        if (found != null) {
            return found;
        }
        Pages made = render.get();
        if (pages != null) {
            pages.put(key.sha256(), made);
        }
        return made;
    }

    /** Pages to keep, made only if they are kept. */
    @FunctionalInterface
    interface PdfPages {
        byte[] get() throws java.io.IOException;
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(CanonicalBody.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }
}
