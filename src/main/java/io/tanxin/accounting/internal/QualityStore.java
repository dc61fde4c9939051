package io.tanxin.accounting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tanxin.accounting.DataQualityAssessed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The newest data-quality score of each enterprise-month. */
@Repository
public class QualityStore {

    private final JdbcTemplate jdbc;

    QualityStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(List<DataQualityAssessed.Score> scores) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("DELETE FROM account_data_quality WHERE uscc = ? AND period = ?", scores, 1000,
                (ps, s) -> {
                    ps.setString(1, s.uscc());
                    ps.setString(2, s.month().toString());
                });
        jdbc.batchUpdate("INSERT INTO account_data_quality (uscc, period, score, basis, assessed_at) VALUES (?, ?, ?, ?, ?)",
                scores, 1000, (ps, s) -> {
                    ps.setString(1, s.uscc());
                    ps.setString(2, s.month().toString());
                    ps.setInt(3, s.score());
                    ps.setString(4, s.basis());
                    ps.setTimestamp(5, now);
                });
    }

    public Map<YearMonth, Integer> scores(String uscc) {
        Map<YearMonth, Integer> map = new HashMap<>();
        jdbc.query("SELECT period, score FROM account_data_quality WHERE uscc = ?",
                rs -> {
                    map.put(YearMonth.parse(rs.getString(1)), rs.getInt(2));
                }, uscc);
        return map;
    }
}
