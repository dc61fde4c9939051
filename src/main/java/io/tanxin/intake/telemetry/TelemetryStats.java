package io.tanxin.intake.telemetry;

import java.time.OffsetDateTime;
import java.util.List;

/** How telemetry intake is doing, for the console: totals and each meter's newest reading. */
public record TelemetryStats(long readings, long deadLetters, List<MeterActivity> meters) {

    public TelemetryStats {
        meters = List.copyOf(meters);
    }

    /** {@code lastReadingTime} is null for a meter that has not reported yet. */
    public record MeterActivity(String meterId, String parkCode, String uscc, QuantityKind kind, long readings,
            OffsetDateTime lastReadingTime) {
    }
}
