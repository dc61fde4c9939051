package io.tanxin.reporting.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The PDF pages of a report's sections one to eight (identity to objections), by the SHA-256 of
 * the XHTML they are rendered from. Those sections change only when the enterprise's data do,
 * while every read brings its own number, time, query record and evidence leaf; laying the
 * sections out again for each read was most of a PDF's CPU. The key is the page's own text, so any
 * change of a figure, mark, name or rating is another key: nothing to invalidate, and a stale page
 * cannot be served. Bounded by size ({@code tanxin.reporting.rendered-sections-mb}, 0 turns it
 * off) and dropped after an hour unread.
 */
@Component
class RenderedSections {

    private final Cache<String, byte[]> pages;

    RenderedSections(@Value("${tanxin.reporting.rendered-sections-mb:128}") long megabytes,
            ObjectProvider<MeterRegistry> meters) {
        if (megabytes < 0) {
            throw new IllegalArgumentException("tanxin.reporting.rendered-sections-mb must be 0 or more: " + megabytes);
        }
        this.pages = megabytes == 0 ? null : Caffeine.newBuilder()
                .maximumWeight(megabytes * 1024 * 1024)
                .weigher((String key, byte[] pdf) -> pdf.length)
                .expireAfterAccess(Duration.ofHours(1))
                .recordStats()
                .build();
        if (pages != null) {
            meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, pages, "report.sections.pdf"));
        }
    }

    /** The pages of {@code xhtml}, rendered by {@code render} unless the same page was rendered before. */
    byte[] pdf(String xhtml, Function<String, byte[]> render) {
        if (pages == null) {
            return render.apply(xhtml);
        }
        // one render per key: a second read of the same enterprise waits for the first one's pages
        return pages.get(sha256(xhtml), key -> render.apply(xhtml));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
