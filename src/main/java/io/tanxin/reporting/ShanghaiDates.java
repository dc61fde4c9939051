package io.tanxin.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Calendar days of the rules are those of Asia/Shanghai, whatever zone the server runs in. */
public final class ShanghaiDates {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ShanghaiDates() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
