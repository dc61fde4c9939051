/**
 * Meter telemetry from park energy-carbon platforms (DESIGN §5.2): a registry of meters, an MQTT
 * subscriber that stores interval readings idempotently and dead-letters what it cannot accept,
 * and the monthly aggregation that turns readings into activity rows for intake.
 *
 * <p>A named interface so that other modules (the console) may read {@link io.tanxin.intake.telemetry.TelemetryStats}
 * and the aggregation; everything that is not public stays internal.
 */
@org.springframework.modulith.NamedInterface("telemetry")
package io.tanxin.intake.telemetry;
