package io.tanxin.intake.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.tanxin.shared.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What telemetry intake kept but could not accept, newest first. */
@Repository
class DeadLetters {

    private static final int TOPIC_LENGTH = 512;
    private static final int REASON_LENGTH = 1000;

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    DeadLetters(JdbcTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    void insert(List<Rejection> rejections, OffsetDateTime receivedAt) {
        if (rejections.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(rejections.size());
        for (Rejection r : rejections) {
            rows.add(new Object[] {clip(r.topic(), TOPIC_LENGTH), r.parkCode(), r.meterId(), r.payload(), r.code(),
                    clip(r.reasonZh(), REASON_LENGTH), clip(r.reasonEn(), REASON_LENGTH), receivedAt});
        }
        template.batchUpdate("INSERT INTO dead_letter (topic, park_code, meter_id, payload, reason_code, reason_zh, "
                + "reason_en, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    long count(String park) {
        return park == null
                ? jdbc.sql("SELECT COUNT(*) FROM dead_letter").query(Long.class).single()
                : jdbc.sql("SELECT COUNT(*) FROM dead_letter WHERE park_code = ?").param(park).query(Long.class).single();
    }

    Page<DeadLetter> page(String park, int page, int size) {
        String where = park == null ? "" : " WHERE park_code = ?";
        List<Object> params = new ArrayList<>();
        if (park != null) {
            params.add(park);
        }
        params.add(size);
        params.add((long) page * size);
        List<DeadLetter> items = jdbc.sql("SELECT id, topic, park_code, meter_id, payload, reason_code, reason_zh, reason_en, "
                + "received_at FROM dead_letter" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, i) -> new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        new String(rs.getBytes(5), StandardCharsets.UTF_8), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getObject(9, OffsetDateTime.class)))
                .list();
        return Page.of(items, page, size, () -> count(park));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
