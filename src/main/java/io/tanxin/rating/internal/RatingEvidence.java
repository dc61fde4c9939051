package io.tanxin.rating.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tanxin.evidence.EvidenceData;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.evidence.RecordEvidence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every rating row goes into the evidence log (DESIGN §5.6): the enterprise, period, model version,
 * score, label and the SHA-256 of the stored explanation (indicators, reasons, hints and the inputs),
 * so a rating edited in the database afterwards, its explanation included, no longer matches its leaf.
 * New ratings are appended as read back from their rows, in the re-rating's transaction.
 */
@Component
public class RatingEvidence extends RecordEvidence {

    static final String KIND = "rating";

    private static final String COLUMNS = "id, uscc, period_kind, rating_year, period_end, model_version, stage, score, "
            + "label, score_label, capped, confidence, k_grade, detail, result_hash, cause";

    private final JdbcClient jdbc;

    RatingEvidence(EvidenceLog log, JdbcClient jdbc) {
        super(KIND, log);
        this.jdbc = jdbc;
    }

    @Override
    protected Optional<byte[]> data(long id) {
        return Optional.ofNullable(data(List.of(id)).get(id));
    }

    @Override
    protected Map<Long, byte[]> data(List<Long> ids) {
        Map<Long, byte[]> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            jdbc.sql("SELECT " + COLUMNS + " FROM rating WHERE id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")").params(new ArrayList<>(chunk))
                    .query((ResultSet rs) -> {
                        out.put(rs.getLong(1), data(rs));
                    });
        }
        return out;
    }

    private static byte[] data(ResultSet rs) throws SQLException {
        EvidenceData d = EvidenceData.of(KIND).put("id", rs.getLong(1)).put("uscc", rs.getString(2))
                .put("periodKind", rs.getString(3)).put("year", rs.getInt(4)).put("periodEnd", rs.getString(5))
                .put("modelVersion", rs.getString(6)).put("stage", rs.getString(7)).put("score", rs.getBigDecimal(8))
                .put("label", rs.getString(9)).put("scoreLabel", rs.getString(10))
                .put("capped", Boolean.toString(rs.getBoolean(11))).put("confidence", rs.getString(12));
        int kGrade = rs.getInt(13);
        if (!rs.wasNull()) {
            d.put("kGrade", kGrade);
        }
        return d.put("detailSha256", Hashes.sha256(rs.getString(14))).put("resultHash", rs.getString(15))
                .put("cause", rs.getString(16)).toBytes();
    }
}
