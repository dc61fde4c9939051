package io.tanxin.intake.telemetry;

import java.time.OffsetDateTime;

/** A registered meter: which park it reports through, which enterprise it measures, in which unit. */
public record Meter(String meterId, String parkCode, String uscc, QuantityKind kind, String unit,
        String registeredBy, OffsetDateTime registeredAt) {
}
