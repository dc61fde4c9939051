package io.tanxin.intake.telemetry;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Which month a reading counts in. A reading is the consumption of the interval that ends at its
 * time, so a reading stamped 2025-04-01T00:00+08:00 is March's last quarter-hour: the month is
 * that of (time − 1 ns), in Shanghai time whatever offset the meter used (DESIGN §4).
 */
public record TelemetryMonth(YearMonth month, OffsetDateTime fromExclusive, OffsetDateTime toInclusive) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static TelemetryMonth of(YearMonth month) {
        return new TelemetryMonth(month, month.atDay(1).atStartOfDay(ZONE).toOffsetDateTime(),
                month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toOffsetDateTime());
    }

    public static YearMonth monthOf(OffsetDateTime readingTime) {
        return YearMonth.from(readingTime.minusNanos(1).atZoneSameInstant(ZONE));
    }

    public boolean contains(OffsetDateTime readingTime) {
        return readingTime.isAfter(fromExclusive) && !readingTime.isAfter(toInclusive);
    }
}
