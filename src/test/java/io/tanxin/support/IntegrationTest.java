package io.tanxin.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * An integration test through the HTTP API against the real PostgreSQL, on one shared Spring
 * context: the database is cleaned and migrated once, and the small demo province loaded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({CleanDatabase.class, io.tanxin.evidence.TestRecordSource.class,
        io.tanxin.intake.telemetry.TelemetryTestBroker.class})
public @interface IntegrationTest {
}
