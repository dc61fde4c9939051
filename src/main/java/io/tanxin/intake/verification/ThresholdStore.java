package io.tanxin.intake.verification;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ThresholdStore {

    private final JdbcClient jdbc;

    ThresholdStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Threshold> all() {
        return jdbc.sql("SELECT rule, industry_code, warn_at, critical_at, lower_bound, upper_bound, description "
                + "FROM verification_threshold ORDER BY rule, industry_code")
                .query((rs, i) -> new Threshold(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7))).list();
    }

    boolean update(Threshold t) {
        return jdbc.sql("UPDATE verification_threshold SET warn_at = ?, critical_at = ?, lower_bound = ?, upper_bound = ? "
                + "WHERE rule = ? AND industry_code = ?")
                .params(t.warnAt(), t.criticalAt(), t.lowerBound(), t.upperBound(), t.rule(), t.industryCode())
                .update() == 1;
    }
}
