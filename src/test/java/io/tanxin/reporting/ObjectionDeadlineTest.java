package io.tanxin.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ObjectionDeadlineTest {

    @Test
    void filedLateInTheUtcEveningCountsFromTheNextShanghaiDay() {
        // 2026-03-01T16:00Z is 2 March 00:00 in Shanghai
        assertThat(ObjectionDeadline.dueDate(Instant.parse("2026-03-01T16:00:00Z"))).isEqualTo(LocalDate.of(2026, 3, 22));
        assertThat(ObjectionDeadline.dueDate(Instant.parse("2026-03-01T15:59:59Z"))).isEqualTo(LocalDate.of(2026, 3, 21));
    }

    @Test
    void filedJustAfterUtcMidnightIsTheSameShanghaiDayAsTheMorningBefore() {
        // 00:30Z on 2 March and 23:30Z on 1 March are both 2 March in Shanghai
        assertThat(ObjectionDeadline.dueDate(Instant.parse("2026-03-02T00:30:00Z")))
                .isEqualTo(ObjectionDeadline.dueDate(Instant.parse("2026-03-01T23:30:00Z")))
                .isEqualTo(LocalDate.of(2026, 3, 22));
    }

    @Test
    void overdueFromTheShanghaiDayAfterTheDueDate() {
        LocalDate due = LocalDate.of(2026, 3, 22);
        Clock lastMinuteOfDueDay = Clock.fixed(Instant.parse("2026-03-22T15:59:00Z"), ZoneOffset.UTC);
        Clock nextShanghaiDay = Clock.fixed(Instant.parse("2026-03-22T16:00:00Z"), ZoneOffset.UTC);
        assertThat(ObjectionDeadline.overdue(due, false, lastMinuteOfDueDay)).isFalse();
        assertThat(ObjectionDeadline.overdue(due, false, nextShanghaiDay)).isTrue();
        assertThat(ObjectionDeadline.overdue(due, true, nextShanghaiDay)).as("answered in time or not, no longer flagged")
                .isFalse();
    }
}
