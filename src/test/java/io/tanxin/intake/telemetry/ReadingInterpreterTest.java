package io.tanxin.intake.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ReadingInterpreterTest {

    private static final Meter ELECTRICITY = new Meter("M-001", "YQ-ZCP", "911403007178812345", QuantityKind.ELECTRICITY,
            "kWh", "test", OffsetDateTime.now());
    private static final Meter GAS = new Meter("G-001", "YQ-ZCP", "911403007178812345", QuantityKind.NATURAL_GAS,
            "Nm3", "test", OffsetDateTime.now());
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-03-01T03:00:00Z"), ZoneOffset.UTC);

    private final ReadingInterpreter interpreter = new ReadingInterpreter(
            id -> Optional.ofNullable(Map.of("M-001", ELECTRICITY, "G-001", GAS).get(id)), NOW, Duration.ofMinutes(5),
            new BigDecimal("1000000000"));

    private ReadingInterpreter.Interpretation interpret(String meter, String json) {
        return interpreter.interpret(new InboundMessage(MeterTopic.of("YQ-ZCP", meter), json.getBytes(StandardCharsets.UTF_8)));
    }

    private String reasonOf(String meter, String json) {
        var result = interpret(meter, json);
        assertThat(result.readings()).isEmpty();
        assertThat(result.rejections()).hasSize(1);
        Rejection r = result.rejections().get(0);
        assertThat(r.reasonZh()).isNotBlank();
        assertThat(r.reasonEn()).isNotBlank();
        return r.code();
    }

    @Test
    void aValidReadingIsKeptInTheMetersUnit() {
        var result = interpret("M-001", """
                {"meterId":"M-001","time":"2025-03-01T10:15:00+08:00","amount":12.5,"unit":"MWh"}""");
        assertThat(result.rejections()).isEmpty();
        assertThat(result.readings()).singleElement().satisfies(r -> {
            assertThat(r.amount()).isEqualByComparingTo("12500");
            assertThat(r.unit()).isEqualTo("kWh");
            assertThat(r.time()).isEqualTo(OffsetDateTime.parse("2025-03-01T10:15:00+08:00"));
        });
    }

    @Test
    void eachBadReadingOfABatchIsRejectedAloneAndTheRestKept() {
        var result = interpret("M-001", """
                {"readings":[
                  {"meterId":"M-001","time":"2025-03-01T10:15:00+08:00","amount":1,"unit":"kWh"},
                  {"meterId":"M-001","time":"2025-03-01T10:30:00+08:00","amount":-1,"unit":"kWh"},
                  {"meterId":"M-001","time":"2025-03-01T10:45:00+08:00","amount":2,"unit":"度"}]}""");
        assertThat(result.readings()).hasSize(2);
        assertThat(result.rejections()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("NEGATIVE_AMOUNT");
            assertThat(r.reasonEn()).startsWith("reading 2:");
            assertThat(new String(r.payload(), StandardCharsets.UTF_8)).contains("-1").doesNotContain("10:15");
        });
    }

    @Test
    void everyDefectHasItsOwnReason() {
        assertThat(reasonOf("M-001", "{not json")).isEqualTo("MALFORMED_JSON");
        assertThat(reasonOf("M-001", "[1,2]")).isEqualTo("MALFORMED_READING");
        assertThat(reasonOf("M-001", "{\"readings\":[]}")).isEqualTo("INVALID_BATCH");
        assertThat(reasonOf("M-404", """
                {"meterId":"M-404","time":"2025-03-01T10:15:00+08:00","amount":1,"unit":"kWh"}""")).isEqualTo("UNKNOWN_METER");
        assertThat(reasonOf("M-001", """
                {"meterId":"M-002","time":"2025-03-01T10:15:00+08:00","amount":1,"unit":"kWh"}""")).isEqualTo("METER_MISMATCH");
        assertThat(reasonOf("M-001", """
                {"meterId":"M-001","time":"2025-03-01T10:15:00+08:00","amount":"1","unit":"kWh"}""")).isEqualTo("INVALID_AMOUNT");
        assertThat(reasonOf("M-001", """
                {"meterId":"M-001","time":"2025-03-01T10:15:00+08:00","amount":1e12,"unit":"kWh"}""")).isEqualTo("AMOUNT_OUT_OF_RANGE");
        assertThat(reasonOf("M-001", """
                {"meterId":"M-001","time":"2025-03-01T10:15:00+08:00","amount":1,"unit":"Nm3"}""")).isEqualTo("UNIT_NOT_CONVERTIBLE");
        assertThat(reasonOf("M-001", """
                {"meterId":"M-001","time":"2025-03-01T10:15:00+08:00","amount":1,"unit":"furlong"}""")).isEqualTo("UNKNOWN_UNIT");
        assertThat(reasonOf("M-001", """
                {"meterId":"M-001","time":"2025-03-01T10:15:00","amount":1,"unit":"kWh"}""")).isEqualTo("INVALID_TIME");
        assertThat(reasonOf("M-001", """
                {"meterId":"M-001","time":"2025-03-01T11:10:00+08:00","amount":1,"unit":"kWh"}""")).isEqualTo("FUTURE_TIME");
    }

    @Test
    void aTimeWithinTheClockSkewIsAccepted() {
        var result = interpret("M-001", """
                {"meterId":"M-001","time":"2025-03-01T11:04:00+08:00","amount":0,"unit":"kWh"}""");
        assertThat(result.readings()).hasSize(1);
    }

    @Test
    void aMeterReportedUnderAnotherParkIsRejected() {
        var result = interpreter.interpret(new InboundMessage(MeterTopic.of("TY-ZGQ", "M-001"), """
                {"meterId":"M-001","time":"2025-03-01T10:15:00+08:00","amount":1,"unit":"kWh"}""".getBytes()));
        assertThat(result.rejections()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("PARK_MISMATCH");
            assertThat(r.parkCode()).isEqualTo("TY-ZGQ");
        });
    }

    @Test
    void aTopicOutsideTheSchemeIsRejectedWithoutReadingThePayload() {
        var result = interpreter.interpret(new InboundMessage("tanxin/parks/YQ-ZCP/other", "{}".getBytes()));
        assertThat(result.rejections()).singleElement().extracting(Rejection::code).isEqualTo("INVALID_TOPIC");
    }
}
