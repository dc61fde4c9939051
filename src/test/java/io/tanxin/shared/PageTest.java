package io.tanxin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aFirstPageThatIsNotFullIsItsOwnTotalWithoutCounting() {
        AtomicInteger counted = new AtomicInteger();
        Page<String> page = Page.of(List.of("a", "b"), 0, 20, () -> counted.incrementAndGet() * 1000L);
        assertThat(page.total()).isEqualTo(2);
        assertThat(counted).hasValue(0);
    }

    @Test
    void aFullOrLaterPageCounts() {
        assertThat(Page.of(List.of("a", "b"), 0, 2, () -> 7).total()).isEqualTo(7);
        assertThat(Page.of(List.of("a"), 3, 2, () -> 7).total()).isEqualTo(7);
        // past the end: nothing on the page, the count still says how many there are
        assertThat(Page.of(List.<String>of(), 9, 2, () -> 7).total()).isEqualTo(7);
        assertThat(Page.of(List.<String>of(), 0, 2, () -> 7).total()).isZero();
    }

    @Test
    void pagingOutsideTheBoundsIsRefused() {
        assertThatThrownBy(() -> Page.check(-1, 20)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Page.check(0, 0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Page.check(0, Page.MAX_SIZE + 1)).isInstanceOf(DomainException.class);
        Page.check(0, Page.MAX_SIZE);
    }
}
