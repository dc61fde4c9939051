package io.tanxin.intake.telemetry;

import java.util.UUID;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points every integration-test context's subscriber at the test-owned Mosquitto, with a client id
 * of its own, so all integration tests share one Spring context and never take over the
 * installation's session on the shared broker.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TelemetryTestBroker {

    @Bean
    DynamicPropertyRegistrar telemetryBroker() {
        return registry -> {
            registry.add("tanxin.telemetry.enabled", () -> "true");
            registry.add("tanxin.telemetry.broker-url", () -> TestBroker.shared().url());
            registry.add("tanxin.telemetry.client-id", () -> "tanxin-telemetry-test-" + UUID.randomUUID());
        };
    }
}
