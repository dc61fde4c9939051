package io.tanxin.intake.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

import io.tanxin.intake.ActivityRow;
import io.tanxin.intake.IntakeManagement;
import io.tanxin.intake.SubmissionResult;
import io.tanxin.intake.telemetry.Meter;
import io.tanxin.intake.telemetry.TelemetryAggregator;
import io.tanxin.intake.telemetry.TelemetryManagement;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns each park's meter readings into monthly activity data: the month's totals per enterprise
 * become a PARK_PLATFORM submission on the MQTT channel. The key carries a hash of the totals, so
 * re-running with no new readings replays the earlier submission and new readings make a new one
 * (the newest submission of a source is its view of the month).
 */
@Component
public class TelemetrySubmissions {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final TelemetryAggregator aggregator;
    private final TelemetryManagement telemetry;
    private final IntakeManagement intake;

    TelemetrySubmissions(TelemetryAggregator aggregator, TelemetryManagement telemetry, IntakeManagement intake) {
        this.aggregator = aggregator;
        this.telemetry = telemetry;
        this.intake = intake;
    }

    /** The running and the previous month, so late readings of last month still count. */
    @Scheduled(initialDelayString = "${tanxin.telemetry.submit-interval-ms:3600000}",
            fixedDelayString = "${tanxin.telemetry.submit-interval-ms:3600000}")
    void submitRecentMonths() {
        YearMonth now = YearMonth.now(SHANGHAI);
        for (String park : parks()) {
            submit(park, now.minusMonths(1));
            submit(park, now);
        }
    }

    public List<SubmissionResult> submitMonth(YearMonth month, String onlyPark) {
        List<SubmissionResult> results = new ArrayList<>();
        for (String park : parks()) {
            if (onlyPark == null || onlyPark.equals(park)) {
                SubmissionResult r = submit(park, month);
                if (r != null) {
                    results.add(r);
                }
            }
        }
        return results;
    }

    private SubmissionResult submit(String park, YearMonth month) {
        List<ActivityRow> rows = aggregator.aggregateForPark(month, park);
        if (rows.isEmpty()) {
            return null;
        }
        return intake.submitTelemetry(rows, "telemetry:" + park, "telemetry:" + park + ":" + month + ":" + digest(rows));
    }

    private List<String> parks() {
        TreeSet<String> parks = new TreeSet<>();
        for (Meter m : telemetry.meters(null)) {
            parks.add(m.parkCode());
        }
        return List.copyOf(parks);
    }

    private static String digest(List<ActivityRow> rows) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (ActivityRow r : rows) {
                sha.update((r.uscc() + "|" + r.kind() + "|" + r.code() + "|" + r.quantity().stripTrailingZeros().toPlainString()
                        + "|" + r.unit() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
