package io.tanxin.intake.telemetry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.tanxin.shared.DomainException;
import io.tanxin.shared.Unit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one MQTT message into readings and rejections. Each reading of a batch stands on its own:
 * a gateway that sends one bad value among a hundred should not lose the other ninety-nine, and
 * the bad one is kept as a dead letter rather than dropped.
 */
final class ReadingInterpreter {

    static final int MAX_BATCH = 10_000;
    /** The scale of reading.amount; rounding here keeps PostgreSQL and H2 identical. */
    static final int AMOUNT_SCALE = 6;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Function<String, Optional<Meter>> meters;
    private final Clock clock;
    private final Duration clockSkew;
    private final BigDecimal maxAmount;

    ReadingInterpreter(Function<String, Optional<Meter>> meters, Clock clock, Duration clockSkew, BigDecimal maxAmount) {
        this.meters = meters;
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.maxAmount = maxAmount;
    }

    record Interpretation(List<MeterReading> readings, List<Rejection> rejections) {
    }

    Interpretation interpret(InboundMessage message) {
        List<MeterReading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        MeterTopic topic = MeterTopic.parse(message.topic());
        if (topic == null) {
            rejections.add(reject(message, null, message.payload(), "INVALID_TOPIC",
                    "主题格式应为 tanxin/parks/{园区}/meters/{表号}/readings：" + message.topic(),
                    "Topic must be tanxin/parks/{park}/meters/{meter}/readings: " + message.topic()));
            return new Interpretation(readings, rejections);
        }
        JsonNode root;
        try {
            root = JSON.readTree(message.payload());
        } catch (JacksonException e) {
            rejections.add(reject(message, topic, message.payload(), "MALFORMED_JSON", "消息不是有效的 JSON",
                    "The message is not valid JSON"));
            return new Interpretation(readings, rejections);
        }
        List<JsonNode> items = new ArrayList<>();
        boolean batch = root != null && root.isObject() && root.has("readings");
        if (batch) {
            JsonNode array = root.get("readings");
            if (!array.isArray() || array.isEmpty() || array.size() > MAX_BATCH) {
                rejections.add(reject(message, topic, message.payload(), "INVALID_BATCH",
                        "readings 应为 1–" + MAX_BATCH + " 条读数的数组", "readings must be an array of 1–" + MAX_BATCH + " readings"));
                return new Interpretation(readings, rejections);
            }
            array.forEach(items::add);
        } else if (root != null && root.isObject()) {
            items.add(root);
        } else {
            rejections.add(reject(message, topic, message.payload(), "MALFORMED_READING",
                    "消息应为一条读数对象或 {\"readings\":[...]}", "The message must be a reading object or {\"readings\":[...]}"));
            return new Interpretation(readings, rejections);
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            try {
                readings.add(reading(topic, item));
            } catch (DomainException e) {
                byte[] payload = batch ? JSON.writeValueAsBytes(item) : message.payload();
                String zh = batch ? "第 " + (i + 1) + " 条读数：" + e.messageZh() : e.messageZh();
                String en = batch ? "reading " + (i + 1) + ": " + e.messageEn() : e.messageEn();
                rejections.add(reject(message, topic, payload, e.code(), zh, en));
            }
        }
        return new Interpretation(readings, rejections);
    }

    private MeterReading reading(MeterTopic topic, JsonNode item) {
        if (!item.isObject()) {
            throw new DomainException("MALFORMED_READING", "读数应为 JSON 对象", "A reading must be a JSON object");
        }
        String meterId = text(item, "meterId");
        if (meterId == null || !meterId.equals(topic.meterId())) {
            throw new DomainException("METER_MISMATCH",
                    "读数的 meterId（" + meterId + "）与主题中的表号（" + topic.meterId() + "）不一致",
                    "The reading's meterId (" + meterId + ") differs from the topic's meter (" + topic.meterId() + ")");
        }
        Meter meter = meters.apply(meterId).orElseThrow(() -> new DomainException("UNKNOWN_METER",
                "未登记的计量表：" + meterId, "Meter not registered: " + meterId));
        if (!meter.parkCode().equals(topic.parkCode())) {
            throw new DomainException("PARK_MISMATCH",
                    "计量表 " + meterId + " 登记在园区 " + meter.parkCode() + "，不属于主题中的园区 " + topic.parkCode(),
                    "Meter " + meterId + " is registered in park " + meter.parkCode() + ", not in the topic's park "
                            + topic.parkCode());
        }
        OffsetDateTime time = time(item);
        BigDecimal amount = amount(item);
        String unitText = text(item, "unit");
        if (unitText == null) {
            throw new DomainException("UNIT_REQUIRED", "读数缺少计量单位 unit", "The reading has no unit");
        }
        Unit meterUnit = Unit.parse(meter.unit());
        BigDecimal inMeterUnit = Unit.parse(unitText).convert(amount, meterUnit);
        if (inMeterUnit.compareTo(maxAmount) > 0) {
            throw new DomainException("AMOUNT_OUT_OF_RANGE",
                    "读数 " + inMeterUnit.toPlainString() + " " + meterUnit + " 超出单个时段的合理上限 " + maxAmount.toPlainString(),
                    "Reading " + inMeterUnit.toPlainString() + " " + meterUnit + " exceeds the plausible maximum "
                            + maxAmount.toPlainString() + " for one interval");
        }
        return new MeterReading(meterId, time, inMeterUnit.setScale(AMOUNT_SCALE, RoundingMode.HALF_UP), meterUnit.symbol());
    }

    private OffsetDateTime time(JsonNode item) {
        String text = text(item, "time");
        OffsetDateTime time;
        try {
            time = text == null ? null : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            time = null;
        }
        if (time == null) {
            throw new DomainException("INVALID_TIME", "时间应为带时区偏移的 ISO-8601 格式，如 2025-03-01T10:15:00+08:00：" + text,
                    "time must be ISO-8601 with an offset, e.g. 2025-03-01T10:15:00+08:00: " + text);
        }
        if (time.toInstant().isAfter(clock.instant().plus(clockSkew))) {
            throw new DomainException("FUTURE_TIME", "读数时间晚于当前时间：" + text,
                    "The reading time is in the future: " + text);
        }
        return time;
    }

    private BigDecimal amount(JsonNode item) {
        JsonNode node = item.get("amount");
        if (node == null || !node.isNumber()) {
            throw new DomainException("INVALID_AMOUNT", "读数 amount 应为数值", "amount must be a number");
        }
        BigDecimal amount = node.decimalValue();
        if (amount.signum() < 0) {
            throw new DomainException("NEGATIVE_AMOUNT", "读数不能为负：" + amount.toPlainString(),
                    "A reading cannot be negative: " + amount.toPlainString());
        }
        return amount;
    }

    private static String text(JsonNode item, String field) {
        JsonNode node = item.get(field);
        return node != null && node.isString() ? node.asString() : null;
    }

    private static Rejection reject(InboundMessage message, MeterTopic topic, byte[] payload, String code, String zh,
            String en) {
        return new Rejection(message.topic(), topic == null ? null : topic.parkCode(),
                topic == null ? null : topic.meterId(), payload, code, zh, en);
    }

    static String preview(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
