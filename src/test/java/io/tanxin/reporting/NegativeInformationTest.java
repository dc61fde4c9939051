package io.tanxin.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class NegativeInformationTest {

    @Test
    void shownThroughTheDayBeforeTheFifthAnniversaryOfTheEventsEnd() {
        LocalDate end = LocalDate.of(2021, 6, 18);
        assertThat(NegativeInformation.visible(end, end)).isTrue();
        assertThat(NegativeInformation.visible(end, LocalDate.of(2026, 6, 17))).isTrue();
        assertThat(NegativeInformation.visible(end, LocalDate.of(2026, 6, 18))).isFalse();
        assertThat(NegativeInformation.visible(end, LocalDate.of(2030, 1, 1))).isFalse();
    }

    @Test
    void anEventStillRunningIsShown() {
        assertThat(NegativeInformation.visible(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 6, 1))).isTrue();
    }

    @Test
    void aLeapDayEndsOnTheTwentyEighthOfFebruary() {
        LocalDate end = LocalDate.of(2020, 2, 29);
        assertThat(NegativeInformation.hiddenFrom(end)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(NegativeInformation.visible(end, LocalDate.of(2025, 2, 27))).isTrue();
        assertThat(NegativeInformation.visible(end, LocalDate.of(2025, 2, 28))).isFalse();
    }

    @Test
    void todayIsTheShanghaiDateNotTheUtcDate() {
        // 2026-06-17T16:30Z is already 18 June 00:30 in Shanghai: the fifth anniversary has come
        Clock clock = Clock.fixed(Instant.parse("2026-06-17T16:30:00Z"), ZoneOffset.UTC);
        LocalDate today = ShanghaiDates.today(clock);
        assertThat(today).isEqualTo(LocalDate.of(2026, 6, 18));
        assertThat(NegativeInformation.visible(LocalDate.of(2021, 6, 18), today)).isFalse();
    }
}
