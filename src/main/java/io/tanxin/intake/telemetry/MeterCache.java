package io.tanxin.intake.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Meters by id for the subscriber, which looks one up for every reading. Unknown ids are
 * remembered briefly, so that a gateway flooding an unregistered meter does not cost a query per
 * message, yet a meter registered on another instance is seen within seconds.
 */
@Component
class MeterCache {

    private static final Duration UNKNOWN_FOR = Duration.ofSeconds(10);

    private final Meters meters;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Meter> known = new ConcurrentHashMap<>();
    private final Map<String, Instant> unknownUntil = new ConcurrentHashMap<>();

    MeterCache(Meters meters) {
        this.meters = meters;
    }

    Optional<Meter> find(String meterId) {
        Meter meter = known.get(meterId);
        if (meter != null) {
            return Optional.of(meter);
        }
        Instant until = unknownUntil.get(meterId);
        if (until != null && clock.instant().isBefore(until)) {
            return Optional.empty();
        }
        Optional<Meter> found = meters.find(meterId);
        found.ifPresentOrElse(m -> {
            known.put(meterId, m);
            unknownUntil.remove(meterId);
        }, () -> {
            if (unknownUntil.size() > 100_000) {
                unknownUntil.clear();
            }
            unknownUntil.put(meterId, clock.instant().plus(UNKNOWN_FOR));
        });
        return found;
    }

    void registered(Meter meter) {
        unknownUntil.remove(meter.meterId());
        known.put(meter.meterId(), meter);
    }
}
