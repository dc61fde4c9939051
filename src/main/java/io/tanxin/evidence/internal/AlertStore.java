package io.tanxin.evidence.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tanxin.evidence.EvidenceAlert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Alerts of the verification job; a finding already on record is not recorded twice. */
@Repository
public class AlertStore {

    private final JdbcTemplate jdbc;

    AlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the alert unless the same finding is already there; returns it only if it is new. */
    public Optional<EvidenceAlert> record(String code, String kind, String recordRef, Long leafIndex, Long treeSize,
            String messageZh, String messageEn) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM evidence_alert WHERE code = ? "
                + "AND COALESCE(record_ref, '') = ? AND COALESCE(leaf_index, -1) = ? AND COALESCE(tree_size, -1) = ?",
                Integer.class, code, recordRef == null ? "" : recordRef, leafIndex == null ? -1 : leafIndex,
                treeSize == null ? -1 : treeSize);
        if (known != null && known > 0) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        jdbc.update("INSERT INTO evidence_alert (code, kind, record_ref, leaf_index, tree_size, message_zh, message_en, "
                + "detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", code, kind, recordRef, leafIndex, treeSize, messageZh,
                messageEn, Timestamp.from(now));
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM evidence_alert WHERE code = ?", Long.class, code);
        return Optional.of(new EvidenceAlert(id, code, kind, recordRef, leafIndex, treeSize, messageZh, messageEn, now));
    }

    public List<EvidenceAlert> newest(int limit) {
        return jdbc.query("SELECT * FROM evidence_alert ORDER BY id DESC LIMIT ?", ALERT, limit);
    }

    private static final RowMapper<EvidenceAlert> ALERT = (rs, n) -> new EvidenceAlert(rs.getLong("id"),
            rs.getString("code"), rs.getString("kind"), rs.getString("record_ref"), (Long) rs.getObject("leaf_index",
                    Long.class), (Long) rs.getObject("tree_size", Long.class), rs.getString("message_zh"),
            rs.getString("message_en"), rs.getTimestamp("detected_at").toInstant());
}
