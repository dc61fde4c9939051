package io.tanxin.intake.telemetry;

import java.time.OffsetDateTime;

/** A message, or one reading of a batch, that telemetry intake could not accept, with the reason. */
public record DeadLetter(long id, String topic, String parkCode, String meterId, String payload, String reasonCode,
        String reasonZh, String reasonEn, OffsetDateTime receivedAt) {
}
