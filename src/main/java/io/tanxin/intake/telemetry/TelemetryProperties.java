package io.tanxin.intake.telemetry;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tanxin.telemetry.*}. The client id is fixed so that the broker keeps one persistent
 * session for the platform across restarts; two running instances must not share it, or they take
 * the session from each other. The session lasts as long as the broker keeps it (Mosquitto:
 * {@code persistent_client_expiration}).
 */
@ConfigurationProperties("tanxin.telemetry")
record TelemetryProperties(Boolean enabled, String brokerUrl, String clientId, String topicFilter,
        Integer batchSize, Duration batchWait, Duration clockSkew, BigDecimal maxAmount) {

    TelemetryProperties {
        enabled = enabled == null || enabled;
        brokerUrl = brokerUrl == null ? "tcp://127.0.0.1:1883" : brokerUrl;
        clientId = clientId == null ? "tanxin-telemetry" : clientId;
        topicFilter = topicFilter == null ? "tanxin/parks/+/meters/+/readings" : topicFilter;
        batchSize = batchSize == null ? 1000 : batchSize;
        batchWait = batchWait == null ? Duration.ofMillis(2) : batchWait;
        clockSkew = clockSkew == null ? Duration.ofMinutes(5) : clockSkew;
        // a single interval reading above this is a meter or gateway fault, not consumption
        maxAmount = maxAmount == null ? new BigDecimal("1000000000") : maxAmount;
    }
}
