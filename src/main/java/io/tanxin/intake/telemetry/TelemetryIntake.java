package io.tanxin.intake.telemetry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a batch of messages in one transaction: valid readings, and a dead letter for everything
 * else. It returns only once the transaction has committed, so the caller may then acknowledge
 * the messages to the broker; if it throws, nothing of the batch is acknowledged and the broker
 * delivers it again.
 */
@Component
class TelemetryIntake {

    private static final Logger log = LoggerFactory.getLogger(TelemetryIntake.class);

    private final Readings readings;
    private final DeadLetters deadLetters;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final ReadingInterpreter interpreter;
    private final Clock clock;

    TelemetryIntake(Readings readings, DeadLetters deadLetters, TransactionTemplate tx, JdbcClient jdbc,
            MeterCache meters, TelemetryProperties properties) {
        this.readings = readings;
        this.deadLetters = deadLetters;
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
        this.interpreter = new ReadingInterpreter(meters::find, clock, properties.clockSkew(), properties.maxAmount());
    }

    record Stored(int readings, int duplicates, int deadLetters) {

        Stored plus(Stored other) {
            return new Stored(readings + other.readings, duplicates + other.duplicates, deadLetters + other.deadLetters);
        }
    }

    Stored store(List<InboundMessage> messages) {
        try {
            return storeTogether(messages);
        } catch (DataAccessException e) {
            if (messages.size() == 1 || !databaseAnswers()) {
                // the database is away: let the caller retry, unacknowledged
                throw e;
            }
            log.warn("telemetry batch of {} failed ({}); storing message by message", messages.size(), e.getMessage());
            Stored total = new Stored(0, 0, 0);
            for (InboundMessage message : messages) {
                total = total.plus(storeAlone(message));
            }
            return total;
        }
    }

    /** A message the database refuses although it passed validation is kept as a dead letter, not retried forever. */
    private Stored storeAlone(InboundMessage message) {
        try {
            return storeTogether(List.of(message));
        } catch (DataAccessException e) {
            if (!databaseAnswers()) {
                throw e;
            }
            MeterTopic topic = MeterTopic.parse(message.topic());
            Rejection rejection = new Rejection(message.topic(), topic == null ? null : topic.parkCode(),
                    topic == null ? null : topic.meterId(), message.payload(), "STORE_FAILED",
                    "数据库拒绝保存该读数", "The database refused to store the reading");
            tx.executeWithoutResult(s -> deadLetters.insert(List.of(rejection), now()));
            return new Stored(0, 0, 1);
        }
    }

    private Stored storeTogether(List<InboundMessage> messages) {
        List<MeterReading> valid = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (InboundMessage message : messages) {
            ReadingInterpreter.Interpretation interpretation = interpreter.interpret(message);
            valid.addAll(interpretation.readings());
            rejected.addAll(interpretation.rejections());
        }
        OffsetDateTime now = now();
        Integer inserted = tx.execute(s -> {
            int n = readings.insertNew(valid, now);
            deadLetters.insert(rejected, now);
            return n;
        });
        int stored = inserted == null ? 0 : inserted;
        return new Stored(stored, valid.size() - stored, rejected.size());
    }

    private boolean databaseAnswers() {
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
            return true;
        } catch (DataAccessException e) {
            return false;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
