package io.tanxin.intake.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

import io.tanxin.intake.ActivityRow;
import org.junit.jupiter.api.Test;

class MonthlyAggregationTest {

    @Test
    void aReadingEndingAtMidnightShanghaiBelongsToTheMonthBefore() {
        assertThat(TelemetryMonth.monthOf(OffsetDateTime.parse("2025-04-01T00:00:00+08:00"))).isEqualTo(YearMonth.of(2025, 3));
        assertThat(TelemetryMonth.monthOf(OffsetDateTime.parse("2025-04-01T00:00:00.000000001+08:00")))
                .isEqualTo(YearMonth.of(2025, 4));
        assertThat(TelemetryMonth.monthOf(OffsetDateTime.parse("2025-03-01T00:15:00+08:00"))).isEqualTo(YearMonth.of(2025, 3));
    }

    @Test
    void monthsAreShanghaiMonthsWhateverOffsetTheMeterUses() {
        // 2025-03-31T16:30Z is 2025-04-01T00:30 in Shanghai: April, although UTC still says March
        assertThat(TelemetryMonth.monthOf(OffsetDateTime.parse("2025-03-31T16:30:00Z"))).isEqualTo(YearMonth.of(2025, 4));
        // 2025-03-31T16:00Z is midnight in Shanghai: the end of March's last interval
        assertThat(TelemetryMonth.monthOf(OffsetDateTime.parse("2025-03-31T16:00:00Z"))).isEqualTo(YearMonth.of(2025, 3));
        TelemetryMonth march = TelemetryMonth.of(YearMonth.of(2025, 3));
        assertThat(march.fromExclusive()).isEqualTo(OffsetDateTime.parse("2025-03-01T00:00:00+08:00"));
        assertThat(march.toInclusive()).isEqualTo(OffsetDateTime.parse("2025-04-01T00:00:00+08:00"));
        assertThat(march.contains(OffsetDateTime.parse("2025-02-28T16:00:00Z"))).isFalse();
        assertThat(march.contains(OffsetDateTime.parse("2025-03-31T16:00:00Z"))).isTrue();
    }

    @Test
    void totalsBecomeAccountingRowsInAccountingUnitsInAFixedOrder() {
        YearMonth march = YearMonth.of(2025, 3);
        List<ActivityRow> rows = MonthlyTotals.rows(march, List.of(
                total("91140300B", QuantityKind.ONSITE_GREEN, "kWh", "1500"),
                total("91140300A", QuantityKind.NATURAL_GAS, "Nm3", "25000.000000"),
                total("91140300A", QuantityKind.ELECTRICITY, "kWh", "1200.500000"),
                total("91140300A", QuantityKind.ELECTRICITY, "MWh", "2"),
                total("91140300A", QuantityKind.HEAT, "MJ", "3500")));
        assertThat(rows).extracting(ActivityRow::uscc, ActivityRow::kind, ActivityRow::code, ActivityRow::unit)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("91140300A", "ELECTRICITY_PURCHASED", "GRID", "MWh"),
                        org.assertj.core.groups.Tuple.tuple("91140300A", "FUEL", "NATURAL_GAS", "10^4 Nm3"),
                        org.assertj.core.groups.Tuple.tuple("91140300A", "HEAT_PURCHASED", "HEAT", "GJ"),
                        org.assertj.core.groups.Tuple.tuple("91140300B", "OUTPUT", "ONSITE_GREEN_GENERATION", "MWh"));
        assertThat(rows).extracting(ActivityRow::quantity).containsExactly(new BigDecimal("3.2005"), new BigDecimal("2.5"),
                new BigDecimal("3.5"), new BigDecimal("1.5"));
        assertThat(rows).allSatisfy(r -> assertThat(r.month()).isEqualTo(march));
    }

    private static Readings.Total total(String uscc, QuantityKind kind, String unit, String amount) {
        return new Readings.Total(uscc, kind, unit, new BigDecimal(amount), 1);
    }
}
