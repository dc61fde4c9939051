package io.tanxin.intake.telemetry;

import static io.tanxin.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.tanxin.intake.ActivityRow;
import io.tanxin.support.Api;
import io.tanxin.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Telemetry end to end: the real broker (our own Mosquitto), the real PostgreSQL, the HTTP API. */
@IntegrationTest
class TelemetryApiTest {

    private static final String PARK = "YQ-ZCP";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static Mqtt5BlockingClient publisher;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MqttTelemetrySubscriber subscriber;
    @Autowired
    TelemetryAggregator aggregator;
    @Autowired
    TelemetryManagement telemetry;

    @BeforeAll
    static void connectPublisher() {
        publisher = Mqtt5Client.builder().identifier("test-publisher-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(TestBroker.shared().port())
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .buildBlocking();
        publisher.connect();
    }

    @AfterAll
    static void disconnectPublisher() {
        if (publisher.getState().isConnected()) {
            publisher.disconnect();
        }
    }

    @BeforeEach
    void subscriberIsListening() {
        await().atMost(PATIENCE).until(subscriber::ready);
        await().atMost(PATIENCE).until(() -> publisher.getState().isConnected());
    }

    // --- helpers

    private String parkEnterprise(int index) {
        return jdbc.sql("SELECT uscc FROM enterprise WHERE park_code = ? ORDER BY uscc LIMIT 1 OFFSET ?")
                .params(PARK, index).query(String.class).single();
    }

    private String registerMeter(String kind, String unit, String uscc) {
        String meterId = "T-" + UUID.randomUUID().toString().substring(0, 8);
        var r = Api.as(port, "park").post("/api/v1/telemetry/meters", """
                {"meterId":"%s","park":"%s","uscc":"%s","kind":"%s","unit":"%s"}""".formatted(meterId, PARK, uscc, kind, unit));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return meterId;
    }

    private static String reading(String meterId, String time, String amount, String unit) {
        return """
                {"meterId":"%s","time":"%s","amount":%s,"unit":"%s"}""".formatted(meterId, time, amount, unit);
    }

    private static void publish(String meterId, String json) {
        publish(PARK, meterId, json);
    }

    private static void publish(String park, String meterId, String json) {
        publisher.publishWith().topic(MeterTopic.of(park, meterId)).qos(MqttQos.AT_LEAST_ONCE)
                .payload(json.getBytes(StandardCharsets.UTF_8)).send();
    }

    private long stored(String meterId) {
        return jdbc.sql("SELECT COUNT(*) FROM reading WHERE meter_id = ?").param(meterId).query(Long.class).single();
    }

    private List<String> deadLetterCodes(String meterId) {
        return jdbc.sql("SELECT reason_code FROM dead_letter WHERE meter_id = ? ORDER BY id").param(meterId)
                .query(String.class).list();
    }

    private static String quarterHour(int n) {
        return OffsetDateTime.parse("2025-05-01T00:00:00+08:00").plusMinutes(15L * n).toString();
    }

    // --- the registry

    @Autowired
    io.tanxin.identity.UserManagement users;

    @Test
    void anUnknownParkOrAFutureMonthIsPointedOutNotAnsweredWithNothing() {
        Api analyst = Api.as(port, "analyst");
        assertProblem(analyst.get("/api/v1/telemetry/meters?park=NOPARK"), 404, "PARK_NOT_FOUND");
        assertProblem(analyst.get("/api/v1/telemetry/stats?park=NOPARK"), 404, "PARK_NOT_FOUND");
        assertProblem(analyst.post("/api/v1/telemetry/aggregations?month=2025-03&park=NOPARK", ""), 404, "PARK_NOT_FOUND");
        String next = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();
        assertProblem(analyst.post("/api/v1/telemetry/aggregations?month=" + next, ""), 422, "FUTURE_PERIOD");
    }

    @Test
    void aParkAdministratorWithoutAParkAggregatesNothing() {
        // a misconfigured account (user creation refuses it now; one made before, or edited in the database, may
        // remain): without this check its "own park" (null) meant every park
        users.createUser(new io.tanxin.identity.NewUser("park-nowhere", Api.DEMO_PASSWORD, "未关联园区的管理员",
                java.util.Set.of(io.tanxin.identity.Role.PARK_ADMIN), io.tanxin.identity.OrganisationKind.PARK, PARK, false));
        jdbc.sql("UPDATE app_user SET organisation_code = NULL WHERE username = 'park-nowhere'").update();
        assertProblem(Api.as(port, "park-nowhere").post("/api/v1/telemetry/aggregations?month=2025-03", ""), 403,
                "FORBIDDEN_TENANT");
    }

    @Test
    void aParkAdministratorRegistersMetersOfItsOwnParkOnly() {
        String uscc = parkEnterprise(0);
        String meterId = registerMeter("ELECTRICITY", "kWh", uscc);

        var mine = Api.as(port, "park").get("/api/v1/telemetry/meters");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains(meterId);
        var regulator = Api.as(port, "regulator").get("/api/v1/telemetry/meters?park=" + PARK);
        assertThat(regulator.body()).contains(meterId);

        assertProblem(Api.as(port, "park").post("/api/v1/telemetry/meters", """
                {"meterId":"X-1","park":"TY-ZGQ","uscc":"%s","kind":"ELECTRICITY","unit":"kWh"}""".formatted(uscc)),
                403, "FORBIDDEN_TENANT");
        assertProblem(Api.as(port, "park").get("/api/v1/telemetry/meters?park=TY-ZGQ"), 403, "FORBIDDEN_TENANT");
        assertProblem(Api.as(port, "regulator").post("/api/v1/telemetry/meters", """
                {"meterId":"X-2","park":"%s","uscc":"%s","kind":"ELECTRICITY","unit":"kWh"}""".formatted(PARK, uscc)),
                403, "FORBIDDEN");
        assertProblem(Api.as(port, "regulator").get("/api/v1/telemetry/dead-letters"), 403, "FORBIDDEN");
    }

    @Test
    void registrationRefusesDefectsWithStableCodes() {
        String uscc = parkEnterprise(0);
        Api analyst = Api.as(port, "analyst");
        String existing = registerMeter("NATURAL_GAS", "Nm3", uscc);
        assertProblem(analyst.post("/api/v1/telemetry/meters", """
                {"meterId":"%s","park":"%s","uscc":"%s","kind":"NATURAL_GAS","unit":"Nm3"}""".formatted(existing, PARK, uscc)),
                409, "METER_EXISTS");
        assertProblem(analyst.post("/api/v1/telemetry/meters", """
                {"meterId":"G-kwh","park":"%s","uscc":"%s","kind":"NATURAL_GAS","unit":"kWh"}""".formatted(PARK, uscc)),
                422, "METER_UNIT_MISMATCH");
        assertProblem(analyst.post("/api/v1/telemetry/meters", """
                {"meterId":"E-1","park":"%s","uscc":"%s","kind":"ELECTRICITY","unit":"furlong"}""".formatted(PARK, uscc)),
                422, "UNKNOWN_UNIT");
        assertProblem(analyst.post("/api/v1/telemetry/meters", """
                {"meterId":"bad/id","park":"%s","uscc":"%s","kind":"ELECTRICITY","unit":"kWh"}""".formatted(PARK, uscc)),
                400, "INVALID_METER_ID");
        String outsider = jdbc.sql("SELECT uscc FROM enterprise WHERE park_code IS NULL OR park_code <> ? ORDER BY uscc LIMIT 1")
                .param(PARK).query(String.class).single();
        assertProblem(analyst.post("/api/v1/telemetry/meters", """
                {"meterId":"E-2","park":"%s","uscc":"%s","kind":"ELECTRICITY","unit":"kWh"}""".formatted(PARK, outsider)),
                422, "ENTERPRISE_NOT_IN_PARK");
    }

    // --- the subscriber

    @Test
    void publishedReadingsAreStoredAndADuplicateOnlyOnce() {
        String meterId = registerMeter("ELECTRICITY", "kWh", parkEnterprise(0));
        publish(meterId, reading(meterId, quarterHour(1), "12.5", "kWh"));
        publish(meterId, reading(meterId, quarterHour(2), "0.013", "MWh"));
        publish(meterId, reading(meterId, quarterHour(1), "12.5", "kWh"));
        publish(meterId, "{\"readings\":[" + reading(meterId, quarterHour(2), "13", "kWh") + ","
                + reading(meterId, quarterHour(3), "14", "度") + "]}");

        await().atMost(PATIENCE).until(() -> stored(meterId) == 3);
        BigDecimal total = jdbc.sql("SELECT SUM(amount) FROM reading WHERE meter_id = ?").param(meterId)
                .query(BigDecimal.class).single();
        assertThat(total).isEqualByComparingTo("39.5");
        assertThat(jdbc.sql("SELECT DISTINCT unit FROM reading WHERE meter_id = ?").param(meterId).query(String.class).list())
                .containsExactly("kWh");
        assertThat(deadLetterCodes(meterId)).isEmpty();

        TelemetryStats stats = telemetry.stats(PARK);
        assertThat(stats.meters()).filteredOn(m -> m.meterId().equals(meterId)).singleElement().satisfies(m -> {
            assertThat(m.readings()).isEqualTo(3);
            assertThat(m.lastReadingTime().toInstant()).isEqualTo(OffsetDateTime.parse(quarterHour(3)).toInstant());
        });
    }

    @Test
    void whatCannotBeAcceptedBecomesADeadLetterWithItsReason() {
        String meterId = registerMeter("ELECTRICITY", "kWh", parkEnterprise(1));
        publish(meterId, "{\"meterId\": \"" + meterId + "\", oops");
        publish(meterId, reading(meterId, quarterHour(1), "-3", "kWh"));
        publish(meterId, reading(meterId, quarterHour(2), "3", "Nm3"));
        publish("M-UNKNOWN-" + meterId, reading("M-UNKNOWN-" + meterId, quarterHour(1), "1", "kWh"));
        publish(meterId, reading(meterId, quarterHour(3), "3", "kWh"));

        await().atMost(PATIENCE).until(() -> deadLetterCodes(meterId).size() == 3 && stored(meterId) == 1);
        assertThat(deadLetterCodes(meterId)).containsExactly("MALFORMED_JSON", "NEGATIVE_AMOUNT", "UNIT_NOT_CONVERTIBLE");
        await().atMost(PATIENCE).until(() -> deadLetterCodes("M-UNKNOWN-" + meterId).equals(List.of("UNKNOWN_METER")));

        var page = Api.as(port, "park").get("/api/v1/telemetry/dead-letters?size=200");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        var malformed = new ArrayList<tools.jackson.databind.JsonNode>();
        page.json().path("items").forEach(item -> {
            if (meterId.equals(item.path("meterId").asString()) && "MALFORMED_JSON".equals(item.path("reasonCode").asString())) {
                malformed.add(item);
            }
        });
        assertThat(malformed).singleElement().satisfies(item -> {
            assertThat(item.path("reasonZh").asString()).isEqualTo("消息不是有效的 JSON");
            assertThat(item.path("reasonEn").asString()).isEqualTo("The message is not valid JSON");
            assertThat(item.path("payload").asString()).contains("oops");
            assertThat(item.path("parkCode").asString()).isEqualTo(PARK);
        });
        assertThat(Api.as(port, "analyst").get("/api/v1/telemetry/dead-letters?park=" + PARK).status()).isEqualTo(200);
    }

    // --- aggregation

    @Test
    void readingsSumToMonthlyActivityRowsAtShanghaiMonthBoundaries() {
        String uscc = parkEnterprise(2);
        String electricity = registerMeter("ELECTRICITY", "kWh", uscc);
        String gas = registerMeter("NATURAL_GAS", "Nm3", uscc);
        String green = registerMeter("ONSITE_GREEN", "MWh", uscc);
        publish(electricity, "{\"readings\":["
                + reading(electricity, "2024-01-01T00:00:00+08:00", "1000", "kWh") + ","   // December's last interval
                + reading(electricity, "2024-01-01T00:15:00+08:00", "250", "kWh") + ","
                + reading(electricity, "2024-01-31T16:00:00Z", "750", "kWh") + ","         // 2024-02-01T00:00 Shanghai: January
                + reading(electricity, "2024-01-31T16:15:00Z", "5000", "kWh") + "]}");     // February
        publish(gas, reading(gas, "2024-01-10T08:00:00+08:00", "12500", "Nm3"));
        publish(green, reading(green, "2024-01-20T12:00:00+08:00", "0.75", "MWh"));
        await().atMost(PATIENCE).until(() -> stored(electricity) + stored(gas) + stored(green) == 6);

        List<ActivityRow> january = aggregator.aggregateForEnterprise(YearMonth.of(2024, 1), uscc);
        assertThat(january).extracting(ActivityRow::kind, ActivityRow::code, ActivityRow::unit).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ELECTRICITY_PURCHASED", "GRID", "MWh"),
                org.assertj.core.groups.Tuple.tuple("FUEL", "NATURAL_GAS", "10^4 Nm3"),
                org.assertj.core.groups.Tuple.tuple("OUTPUT", "ONSITE_GREEN_GENERATION", "MWh"));
        assertThat(january).extracting(ActivityRow::quantity).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1"), new BigDecimal("1.25"), new BigDecimal("0.75"));
        assertThat(aggregator.aggregateForEnterprise(YearMonth.of(2023, 12), uscc)).singleElement()
                .satisfies(r -> assertThat(r.quantity()).isEqualByComparingTo("1"));
        assertThat(aggregator.aggregateForEnterprise(YearMonth.of(2024, 2), uscc)).singleElement()
                .satisfies(r -> assertThat(r.quantity()).isEqualByComparingTo("5"));
        assertThat(aggregator.aggregateForPark(YearMonth.of(2024, 1), PARK)).containsAll(january);
        assertThat(aggregator.aggregate(YearMonth.of(2024, 1))).containsAll(january);
    }

    // --- survival

    /**
     * No reading is lost and none is stored twice when (a) the broker restarts while the
     * subscriber is connected and a publisher queues during the outage, and (b) the broker
     * restarts while Tanxin is offline and its persistent session holds the readings.
     */
    @Test
    void readingsSurviveBrokerRestartsExactlyOnce() throws Exception {
        String meterId = registerMeter("HEAT", "GJ", parkEnterprise(0));
        for (int i = 0; i < 20; i++) {
            publish(meterId, reading(meterId, quarterHour(i), "1", "GJ"));
        }
        await().atMost(PATIENCE).until(() -> stored(meterId) == 20);

        // (a) broker down under a connected subscriber; a gateway queues its QoS 1 messages meanwhile
        Mqtt5AsyncClient queueing = Mqtt5Client.builder().identifier("test-gateway-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(TestBroker.shared().port())
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS)
                .applyAutomaticReconnect().buildAsync();
        queueing.connectWith().cleanStart(false).sessionExpiryInterval(300).send().get(10, TimeUnit.SECONDS);
        TestBroker.shared().stop();
        await().atMost(PATIENCE).until(() -> !subscriber.ready());
        await().atMost(PATIENCE).until(() -> queueing.getState() == MqttClientState.DISCONNECTED_RECONNECT);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 20; i < 40; i++) {
            sent.add(queueing.publishWith().topic(MeterTopic.of(PARK, meterId)).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(reading(meterId, quarterHour(i), "1", "GJ").getBytes(StandardCharsets.UTF_8)).send());
        }
        TestBroker.shared().start();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        await().atMost(PATIENCE).until(() -> stored(meterId) == 40);
        queueing.disconnect();

        // (b) Tanxin offline; readings wait in its persistent session across a broker restart
        subscriber.stop();
        for (int i = 40; i < 60; i++) {
            publish(meterId, reading(meterId, quarterHour(i), "1", "GJ"));
        }
        // a redelivery of something already stored must not count twice
        publish(meterId, reading(meterId, quarterHour(5), "1", "GJ"));
        TestBroker.shared().stop();
        TestBroker.shared().start();
        await().atMost(PATIENCE).until(() -> publisher.getState().isConnected());
        subscriber.start();
        await().atMost(PATIENCE).until(() -> stored(meterId) == 60);

        Thread.sleep(1000);
        assertThat(stored(meterId)).isEqualTo(60);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT reading_time) FROM reading WHERE meter_id = ?").param(meterId)
                .query(Long.class).single()).isEqualTo(60);
        assertThat(deadLetterCodes(meterId)).isEmpty();
    }

    // --- readings become monthly activity data

    @Test
    void aMonthsReadingsBecomeAParkPlatformSubmissionAndTheAccountFollows() {
        String uscc = parkEnterprise(1);
        String meterId = registerMeter("NATURAL_GAS", "Nm3", uscc);
        // 2,880 readings of 25 Nm3 across May 2025 = 72,000 Nm3 = 7.2 ×10⁴ Nm3
        for (int n = 1; n <= 2880; n += 96) {
            StringBuilder batch = new StringBuilder("{\"readings\":[");
            for (int k = n; k < n + 96; k++) {
                batch.append(k == n ? "" : ",").append(reading(meterId, quarterHour(k), "25", "Nm3"));
            }
            publish(meterId, batch.append("]}").toString());
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (stored(meterId) < 2880 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(stored(meterId)).isEqualTo(2880);
        var submitted = Api.as(port, "park").post("/api/v1/telemetry/aggregations?month=2025-05", "");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.body()).contains("\"channel\":\"MQTT\"", "\"source\":\"PARK_PLATFORM\"", "ACCEPTED");
        var again = Api.as(port, "park").post("/api/v1/telemetry/aggregations?month=2025-05", "");
        assertThat(again.body()).contains("\"replayed\":true");
        var month = Api.as(port, "analyst").get("/api/v1/enterprises/" + uscc + "/activities/2025-05").json().toString();
        assertThat(month).contains("NATURAL_GAS").contains("7.2");
        assertThat(Api.as(port, "park").post("/api/v1/telemetry/aggregations?month=2025-05&park=OTHER", "").status())
                .isEqualTo(403);
    }
}
