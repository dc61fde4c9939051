package io.tanxin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void parsesYearsQuartersAndMonths() {
        assertThat(Period.parse("2025").months()).hasSize(12).startsWith(YearMonth.of(2025, 1));
        assertThat(Period.parse("2025-Q3").months()).containsExactly(YearMonth.of(2025, 7), YearMonth.of(2025, 8),
                YearMonth.of(2025, 9));
        assertThat(Period.parse("2025-03").months()).containsExactly(YearMonth.of(2025, 3));
    }

    @Test
    void refusesEverythingElseWithA400Problem() {
        for (String bad : new String[] {"2025-13", "2025-Q0", "2025-Q5", "25", "2025-3", "2025/03", "", "2025-00"}) {
            assertThatThrownBy(() -> Period.parse(bad)).as(bad).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.code()).isEqualTo("INVALID_PERIOD");
                assertThat(e.status()).isEqualTo(400);
            });
        }
    }

    @Property
    void printingAndParsingRoundTrip(@ForAll @IntRange(min = 1990, max = 2100) int year,
            @ForAll @IntRange(min = 1, max = 12) int month) {
        Period m = Period.month(YearMonth.of(year, month));
        assertThat(Period.parse(m.toString())).isEqualTo(m);
        Period q = Period.parse(year + "-Q" + ((month + 2) / 3));
        assertThat(q.months()).contains(YearMonth.of(year, month));
        assertThat(Period.parse(q.toString())).isEqualTo(q);
    }
}
