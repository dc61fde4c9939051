package io.tanxin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The sections' pages are kept by their page text, and never found for another text. */
class RenderedSectionsTest {

    final AtomicInteger made = new AtomicInteger();

    @Test
    void pagesKeptForAPageTextAreFoundByTheSameText() throws IOException {
        RenderedSections sections = sections(1);
        assertThat(sections.find(sections.key("<p>一</p>"))).isNull();
        sections.keep(sections.key("<p>一</p>"), () -> pdf("一"));
        assertThat(sections.find(sections.key("<p>一</p>"))).asString(StandardCharsets.UTF_8).isEqualTo("pdf 一");
    }

    @Test
    void anyChangeOfThePageTextFindsNothing() throws IOException {
        RenderedSections sections = sections(1);
        sections.keep(sections.key("<p>排放 100.0</p>"), () -> pdf("100.0"));
        assertThat(sections.find(sections.key("<p>排放 100.1</p>"))).isNull();
        assertThat(sections.find(sections.key("<p>排放 100.0 </p>"))).isNull();
    }

    @Test
    void pagesNotFoundAreRenderedOnceAndKept() {
        RenderedSections sections = sections(1);
        assertThat(sections.findOrKeep(sections.key("<p>二</p>"), () -> new RenderedSections.Pages(pdf("二"))).pdf())
                .asString(StandardCharsets.UTF_8).isEqualTo("pdf 二");
        assertThat(sections.findOrKeep(sections.key("<p>二</p>"), () -> new RenderedSections.Pages(pdf("again"))).pdf())
                .asString(StandardCharsets.UTF_8).isEqualTo("pdf 二");
        assertThat(made).hasValue(1);
    }

    @Test
    void sizeZeroKeepsNothingAndMakesNoPages() throws IOException {
        RenderedSections sections = sections(0);
        sections.keep(sections.key("<p>一</p>"), () -> pdf("一"));
        assertThat(sections.find(sections.key("<p>一</p>"))).isNull();
        assertThat(made).hasValue(0);
    }

    @Test
    void aNegativeSizeIsAConfigurationError() {
        assertThatThrownBy(() -> sections(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rendered-sections-mb");
    }

    private byte[] pdf(String text) {
        made.incrementAndGet();
        return ("pdf " + text).getBytes(StandardCharsets.UTF_8);
    }

    private static RenderedSections sections(long megabytes) {
        return new RenderedSections(megabytes, new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
    }
}
