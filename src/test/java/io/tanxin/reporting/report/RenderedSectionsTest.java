package io.tanxin.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The sections' pages are rendered once per distinct page text, and never served for another text. */
class RenderedSectionsTest {

    final AtomicInteger renders = new AtomicInteger();
    final Function<String, byte[]> render = xhtml -> {
        renders.incrementAndGet();
        return ("pdf of " + xhtml).getBytes(StandardCharsets.UTF_8);
    };

    @Test
    void theSamePageTextIsRenderedOnce() {
        RenderedSections sections = sections(1);
        byte[] first = sections.pdf("<p>一</p>", render);
        byte[] again = sections.pdf("<p>一</p>", render);
        assertThat(again).isEqualTo(first);
        assertThat(renders).hasValue(1);
    }

    @Test
    void anyChangeOfThePageTextIsRenderedAgain() {
        RenderedSections sections = sections(1);
        sections.pdf("<p>排放 100.0</p>", render);
        byte[] changed = sections.pdf("<p>排放 100.1</p>", render);
        assertThat(new String(changed, StandardCharsets.UTF_8)).isEqualTo("pdf of <p>排放 100.1</p>");
        assertThat(renders).hasValue(2);
    }

    @Test
    void sizeZeroRendersEveryTime() {
        RenderedSections sections = sections(0);
        sections.pdf("<p>一</p>", render);
        sections.pdf("<p>一</p>", render);
        assertThat(renders).hasValue(2);
    }

    @Test
    void aNegativeSizeIsAConfigurationError() {
        assertThatThrownBy(() -> sections(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rendered-sections-mb");
    }

    private static RenderedSections sections(long megabytes) {
        return new RenderedSections(megabytes, new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
    }
}
