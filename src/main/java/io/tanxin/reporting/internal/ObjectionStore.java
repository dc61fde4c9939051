package io.tanxin.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tanxin.reporting.Objection;
import io.tanxin.reporting.ObjectionItemType;
import io.tanxin.reporting.ObjectionOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ObjectionStore {

    public record Row(long id, String uscc, ObjectionItemType itemType, String itemRef, String reason,
            Instant filedAt, String filedBy, LocalDate dueDate, Objection.Status status, ObjectionOutcome outcome,
            String answer, Instant resolvedAt, String resolvedBy) {
    }

    /** Filters of the agency's list; null means any. {@code overdueOn}: open and due before that day. */
    public record Filter(String uscc, Objection.Status status, LocalDate overdueOn) {
    }

    private static final String COLUMNS = "id, uscc, item_type, item_ref, reason, filed_at, filed_by, due_date, status, "
            + "outcome, answer, resolved_at, resolved_by";

    private final JdbcClient jdbc;

    ObjectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String uscc, ObjectionItemType type, String itemRef, String reason, Instant filedAt,
            String filedBy, LocalDate dueDate, String idempotencyKey) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO reporting_objection (uscc, item_type, item_ref, reason, filed_at, filed_by, due_date, status, "
                + "idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, 'FILED', ?)")
                .params(uscc, type.name(), itemRef, reason, Timestamps.toDb(filedAt), filedBy, dueDate, idempotencyKey)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public long insertStep(long objectionId, Objection.Action action, String actor, Instant at, ObjectionOutcome outcome,
            String note) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO reporting_objection_step (objection_id, action, actor, occurred_at, outcome, note) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(objectionId, action.name(), actor, Timestamps.toDb(at), outcome == null ? null : outcome.name(),
                        note)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Moves an open objection on; false if it was no longer in {@code from} (a concurrent answer). */
    public boolean acknowledge(long id) {
        return jdbc.sql("UPDATE reporting_objection SET status = 'ACKNOWLEDGED' WHERE id = ? AND status = 'FILED'")
                .param(id).update() == 1;
    }

    public boolean resolve(long id, ObjectionOutcome outcome, String answer, Instant at, String by) {
        return jdbc.sql("UPDATE reporting_objection SET status = 'RESOLVED', outcome = ?, answer = ?, resolved_at = ?, "
                + "resolved_by = ? WHERE id = ? AND status <> 'RESOLVED'")
                .params(outcome.name(), answer, Timestamps.toDb(at), by, id).update() == 1;
    }

    public Optional<Long> byIdempotencyKey(String filedBy, String key) {
        return jdbc.sql("SELECT id FROM reporting_objection WHERE filed_by = ? AND idempotency_key = ?")
                .params(filedBy, key).query(Long.class).optional();
    }

    public Optional<Row> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reporting_objection WHERE id = ?").param(id)
                .query(ObjectionStore::row).optional();
    }

    public List<Row> find(Filter filter, int offset, int limit) {
        Where w = where(filter);
        List<Object> params = new ArrayList<>(w.params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM reporting_objection" + w.sql
                + " ORDER BY due_date, id LIMIT ? OFFSET ?").params(params).query(ObjectionStore::row).list();
    }

    public long count(Filter filter) {
        Where w = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM reporting_objection" + w.sql).params(w.params).query(Long.class).single();
    }

    /** Open objections and those annotated unverifiable: what a report must mark. */
    public List<Row> marking(String uscc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reporting_objection WHERE uscc = ? "
                + "AND (status <> 'RESOLVED' OR outcome = 'UNVERIFIABLE') ORDER BY filed_at, id")
                .param(uscc).query(ObjectionStore::row).list();
    }

    public Map<Long, List<Objection.Step>> steps(List<Long> objectionIds) {
        if (objectionIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, objection_id, action, actor, occurred_at, outcome, note FROM reporting_objection_step "
                + "WHERE objection_id IN (:ids) ORDER BY id").param("ids", objectionIds)
                .query((rs, i) -> Map.entry(rs.getLong("objection_id"), step(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue,
                        Collectors.toList())));
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(Filter f) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.uscc() != null) {
            sql.append(" AND uscc = ?");
            params.add(f.uscc());
        }
        if (f.status() != null) {
            sql.append(" AND status = ?");
            params.add(f.status().name());
        }
        if (f.overdueOn() != null) {
            sql.append(" AND status <> 'RESOLVED' AND due_date < ?");
            params.add(f.overdueOn());
        }
        return new Where(sql.toString(), params);
    }

    static Objection.Step step(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Objection.Step(rs.getLong("id"), Objection.Action.valueOf(rs.getString("action")),
                rs.getString("actor"), Timestamps.read(rs, "occurred_at"),
                outcome == null ? null : ObjectionOutcome.valueOf(outcome), rs.getString("note"));
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Row(rs.getLong("id"), rs.getString("uscc"), ObjectionItemType.valueOf(rs.getString("item_type")),
                rs.getString("item_ref"), rs.getString("reason"), Timestamps.read(rs, "filed_at"),
                rs.getString("filed_by"), rs.getObject("due_date", LocalDate.class),
                Objection.Status.valueOf(rs.getString("status")),
                outcome == null ? null : ObjectionOutcome.valueOf(outcome), rs.getString("answer"),
                Timestamps.read(rs, "resolved_at"), rs.getString("resolved_by"));
    }
}
