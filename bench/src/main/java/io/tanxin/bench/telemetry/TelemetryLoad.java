package io.tanxin.bench.telemetry;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Load driver for telemetry intake: registers meters straight in the database, publishes N
 * interval readings at QoS 1 to the broker the running application subscribes to, and measures
 * how fast they become rows in {@code reading}. The figure that counts is the sustained rate
 * between 10 % and 90 % stored, which leaves out start-up (meter cache, JIT) and the tail.
 *
 * <p>Arguments: {@code host port jdbcUrl meters readings [timeoutSeconds]}.
 */
public final class TelemetryLoad {

    private static final String PARK = "BENCH";

    private TelemetryLoad() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String jdbcUrl = args[2];
        int meters = Integer.parseInt(args[3]);
        int readings = Integer.parseInt(args[4]);
        long timeoutMs = (args.length > 5 ? Long.parseLong(args[5]) : 300) * 1000;

        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            long before = count(db);
            registerMeters(db, meters);
            List<String> topics = new ArrayList<>(meters);
            for (int m = 0; m < meters; m++) {
                topics.add("tanxin/parks/" + PARK + "/meters/" + meterId(m) + "/readings");
            }
            // readings of a quarter-hour each, marching back from a fixed past instant so none is "in the future"
            OffsetDateTime origin = OffsetDateTime.parse("2024-01-01T00:00:00+08:00");
            DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

            Thread publisher;
            long[] publishedAt = new long[2];
            Exception[] publishFailure = new Exception[1];
            publisher = new Thread(() -> {
                try (MqttQos1Publisher mqtt = new MqttQos1Publisher(host, port, "tanxin-bench-" + ProcessHandle.current().pid(), 2000)) {
                    publishedAt[0] = System.nanoTime();
                    for (int i = 0; i < readings; i++) {
                        int m = i % meters;
                        String time = origin.plusMinutes(15L * (i / meters)).format(iso);
                        String json = "{\"meterId\":\"" + meterId(m) + "\",\"time\":\"" + time + "\",\"amount\":"
                                + (1 + (i % 97) / 10.0) + ",\"unit\":\"kWh\"}";
                        mqtt.publish(topics.get(m), json.getBytes(StandardCharsets.UTF_8));
                    }
                    mqtt.flush();
                    while (mqtt.acknowledged() < readings) {
                        Thread.sleep(5);
                    }
                    publishedAt[1] = System.nanoTime();
                } catch (Exception e) {
                    publishFailure[0] = e;
                }
            }, "publisher");
            long start = System.nanoTime();
            publisher.start();

            long target = before + readings;
            long t10 = -1;
            long t90 = -1;
            long stored = before;
            long deadline = start + timeoutMs * 1_000_000;
            while (stored < target && System.nanoTime() < deadline) {
                Thread.sleep(50);
                stored = count(db);
                long done = stored - before;
                if (t10 < 0 && done >= readings / 10) {
                    t10 = System.nanoTime();
                }
                if (t90 < 0 && done >= readings * 9L / 10) {
                    t90 = System.nanoTime();
                }
                if (publishFailure[0] != null) {
                    throw publishFailure[0];
                }
            }
            long end = System.nanoTime();
            publisher.join(10_000);
            long done = stored - before;
            System.out.printf("machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"));
            System.out.printf("published %,d readings from %d meters at QoS 1 (one reading per message) in %.2f s: %,.0f msg/s acknowledged by the broker%n",
                    readings, meters, (publishedAt[1] - publishedAt[0]) / 1e9,
                    readings / ((publishedAt[1] - publishedAt[0]) / 1e9));
            System.out.printf("stored %,d of %,d readings in %.2f s end to end: %,.0f readings/s overall%n",
                    done, readings, (end - start) / 1e9, done / ((end - start) / 1e9));
            if (t10 > 0 && t90 > 0) {
                System.out.printf("sustained (10 %% → 90 %% stored): %,.0f readings/s%n",
                        (readings * 0.8) / ((t90 - t10) / 1e9));
            }
            if (done != readings) {
                System.out.println("INCOMPLETE: " + (readings - done) + " readings not stored before the time limit");
                System.exit(1);
            }
        }
    }

    private static String meterId(int m) {
        return String.format("B-%04d", m);
    }

    private static void registerMeters(Connection db, int meters) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO meter (meter_id, park_code, uscc, quantity_kind, unit, "
                + "registered_by) VALUES (?, ?, ?, 'ELECTRICITY', 'kWh', 'bench') ON CONFLICT DO NOTHING")) {
            for (int m = 0; m < meters; m++) {
                ps.setString(1, meterId(m));
                ps.setString(2, PARK);
                ps.setString(3, "91140300BENCH" + String.format("%05d", m));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static long count(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM reading")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
