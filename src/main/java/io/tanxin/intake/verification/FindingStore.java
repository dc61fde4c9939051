package io.tanxin.intake.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tanxin.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FindingStore {

    private static final String COLUMNS = "id, uscc, period, rule, subject, severity, status, measured, expected, "
            + "deviation, message_zh, message_en, created_at, updated_at";

    private final JdbcClient jdbc;

    FindingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Finding> existing(String uscc) {
        Map<String, Finding> map = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM verification_finding WHERE uscc = ?").param(uscc).query(FindingStore::finding)
                .list().forEach(f -> map.put(f.uscc() + "|" + f.period() + "|" + f.rule() + "|" + f.subject(), f));
        return map;
    }

    void insert(CheckResult r, OffsetDateTime now) {
        jdbc.sql("INSERT INTO verification_finding (uscc, period, rule, subject, severity, status, measured, expected, "
                + "deviation, message_zh, message_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?)")
                .params(r.uscc(), r.period(), r.rule(), r.subject(), r.severity().name(), r.measured(), r.expected(),
                        r.deviation(), r.messageZh(), r.messageEn(), now, now)
                .update();
    }

    void refresh(long id, CheckResult r, FindingStatus status, OffsetDateTime now) {
        jdbc.sql("UPDATE verification_finding SET severity = ?, status = ?, measured = ?, expected = ?, deviation = ?, "
                + "message_zh = ?, message_en = ?, updated_at = ? WHERE id = ?")
                .params(r.severity().name(), status.name(), r.measured(), r.expected(), r.deviation(), r.messageZh(),
                        r.messageEn(), now, id)
                .update();
    }

    void setStatus(long id, FindingStatus status, OffsetDateTime now) {
        jdbc.sql("UPDATE verification_finding SET status = ?, updated_at = ? WHERE id = ?").params(status.name(), now, id)
                .update();
    }

    void note(long findingId, String author, FindingStatus from, FindingStatus to, String note, OffsetDateTime now) {
        jdbc.sql("INSERT INTO verification_note (finding_id, author, status_from, status_to, note, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)").params(findingId, author, from.name(), to.name(), note, now).update();
    }

    Optional<Finding> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM verification_finding WHERE id = ?").param(id)
                .query(FindingStore::finding).optional();
    }

    List<Map<String, Object>> notes(long findingId) {
        return jdbc.sql("SELECT author, status_from, status_to, note, created_at FROM verification_note "
                + "WHERE finding_id = ? ORDER BY id").param(findingId).query((rs, i) -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("author", rs.getString(1));
                    m.put("from", rs.getString(2));
                    m.put("to", rs.getString(3));
                    m.put("note", rs.getString(4));
                    m.put("at", rs.getObject(5, OffsetDateTime.class));
                    return m;
                }).list();
    }

    Page<Finding> search(String uscc, String status, String severity, String rule, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        for (String[] f : new String[][] {{"uscc", uscc}, {"status", status}, {"severity", severity}, {"rule", rule}}) {
            if (f[1] != null && !f[1].isBlank()) {
                where.append(" AND ").append(f[0]).append(" = ?");
                params.add(f[1]);
            }
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM verification_finding" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        List<Finding> items = jdbc.sql("SELECT " + COLUMNS + " FROM verification_finding" + where
                + " ORDER BY CASE severity WHEN 'CRITICAL' THEN 0 ELSE 1 END, period DESC, id LIMIT ? OFFSET ?")
                .params(paged).query(FindingStore::finding).list();
        return new Page<>(items, total, page, size);
    }

    private static Finding finding(ResultSet rs, int i) throws SQLException {
        return new Finding(rs.getLong("id"), rs.getString("uscc"), rs.getString("period"), rs.getString("rule"),
                rs.getString("subject"), Severity.valueOf(rs.getString("severity")),
                FindingStatus.valueOf(rs.getString("status")), rs.getBigDecimal("measured"), rs.getBigDecimal("expected"),
                rs.getBigDecimal("deviation"), rs.getString("message_zh"), rs.getString("message_en"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
