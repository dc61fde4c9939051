package io.tanxin.reporting.internal;

import java.time.LocalDate;
import java.util.Optional;

import io.tanxin.evidence.EvidenceData;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.evidence.RecordEvidence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One leaf per objection step (filed, acknowledged, resolved). A step carries the objection's
 * fields that never change after filing, so every leaf stays recomputable as the objection moves on.
 */
@Component
public class ObjectionEvidence extends RecordEvidence {

    public static final String KIND = "objection_step";

    private final JdbcClient jdbc;

    ObjectionEvidence(EvidenceLog log, JdbcClient jdbc) {
        super(KIND, log);
        this.jdbc = jdbc;
    }

    @Override
    protected Optional<byte[]> data(long id) {
        return jdbc.sql("SELECT s.id, s.objection_id, s.action, s.actor, s.occurred_at, s.outcome, s.note, o.uscc, "
                + "o.item_type, o.item_ref, o.reason, o.filed_at, o.filed_by, o.due_date FROM reporting_objection_step s "
                + "JOIN reporting_objection o ON o.id = s.objection_id WHERE s.id = ?").param(id)
                .query((rs, i) -> {
                    EvidenceData data = EvidenceData.of(KIND).put("id", rs.getLong("id"))
                            .put("objection", rs.getLong("objection_id")).put("uscc", rs.getString("uscc"))
                            .put("itemType", rs.getString("item_type")).put("itemRef", rs.getString("item_ref"))
                            .put("reason", rs.getString("reason")).put("filedAt", Timestamps.read(rs, "filed_at"))
                            .put("filedBy", rs.getString("filed_by"))
                            .put("dueDate", rs.getObject("due_date", LocalDate.class).toString())
                            .put("action", rs.getString("action")).put("actor", rs.getString("actor"))
                            .put("occurredAt", Timestamps.read(rs, "occurred_at"));
                    if (rs.getString("outcome") != null) {
                        data.put("outcome", rs.getString("outcome"));
                    }
                    return data.put("note", rs.getString("note")).toBytes();
                }).optional();
    }
}
