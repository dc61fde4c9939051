package io.tanxin.intake.telemetry;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A validated reading, already in its meter's unit. */
record MeterReading(String meterId, OffsetDateTime time, BigDecimal amount, String unit) {
}
