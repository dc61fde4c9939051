package io.tanxin.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read-only facts about enterprises that intake holds and other modules (rating) need in bulk:
 * penalties, ETS compliance, transition data and green-power shares, from accepted submissions.
 * A null or large set of USCCs reads every enterprise in one query.
 */
@Service
public class EnterpriseFacts {

    private static final int IN_LIMIT = 500;

    private final JdbcClient jdbc;

    EnterpriseFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Penalty(String uscc, LocalDate decidedOn, String authority, String documentNo, BigDecimal amountCny,
            String description, LocalDate endedOn) {
    }

    /** ETS compliance of a report year: COMPLIANT, NON_COMPLIANT or PENDING (the newest submission wins). */
    public record EtsCompliance(String uscc, int year, BigDecimal verifiedTco2, String compliance) {
    }

    /** A year's transition data (the newest submission wins); investments in 10^4 CNY. */
    public record Transition(String uscc, int year, BigDecimal reductionInvestment, BigDecimal totalInvestment,
            int milestonesPlanned, int milestonesDone, BigDecimal progressPct) {
    }

    /** A year's green electricity and purchased electricity in MWh, from the best-covered source. */
    public record GreenPower(String uscc, int year, BigDecimal greenMwh, BigDecimal purchasedMwh) {
    }

    public Map<String, List<Penalty>> penalties(Collection<String> usccs) {
        Map<String, List<Penalty>> out = new HashMap<>();
        query("SELECT p.uscc, p.decided_on, p.authority, p.document_no, p.amount_cny, p.description, p.ended_on "
                + "FROM penalty p JOIN submission s ON s.id = p.submission_id WHERE s.status = 'ACCEPTED' "
                + "AND p.withdrawn_at IS NULL", "p.uscc",
                " ORDER BY p.uscc, p.decided_on", usccs, (rs, n) -> new Penalty(rs.getString(1),
                        rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getString(6), rs.getObject(7, LocalDate.class)))
                .forEach(p -> out.computeIfAbsent(p.uscc(), k -> new ArrayList<>()).add(p));
        return out;
    }

    public Map<String, Map<Integer, EtsCompliance>> etsCompliance(Collection<String> usccs) {
        Map<String, Map<Integer, EtsCompliance>> out = new HashMap<>();
        query("SELECT e.uscc, e.report_year, e.verified_tco2, e.compliance FROM ets_verified e JOIN submission s "
                + "ON s.id = e.submission_id WHERE s.status = 'ACCEPTED'", "e.uscc", " ORDER BY e.submission_id", usccs,
                (rs, n) -> new EtsCompliance(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getString(4)))
                .forEach(e -> out.computeIfAbsent(e.uscc(), k -> new TreeMap<>()).put(e.year(), e));
        return out;
    }

    public Map<String, Map<Integer, Transition>> transitions(Collection<String> usccs) {
        Map<String, Map<Integer, Transition>> out = new HashMap<>();
        query("SELECT t.uscc, t.report_year, t.reduction_investment_10k_cny, t.total_investment_10k_cny, "
                + "t.milestones_planned, t.milestones_done, t.progress_pct FROM transition_data t JOIN submission s "
                + "ON s.id = t.submission_id WHERE s.status = 'ACCEPTED'", "t.uscc", " ORDER BY t.submission_id", usccs,
                (rs, n) -> new Transition(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getInt(5), rs.getInt(6), rs.getBigDecimal(7)))
                .forEach(t -> out.computeIfAbsent(t.uscc(), k -> new TreeMap<>()).put(t.year(), t));
        return out;
    }

    /**
     * Green electricity over purchased electricity per year: activity lines (each source's newest
     * submission per month; the source reporting most purchased electricity counts) plus green-power
     * trades and certificates submitted as their own dataset.
     */
    public Map<String, Map<Integer, GreenPower>> greenPower(Collection<String> usccs) {
        // uscc -> year -> source -> [green, purchased]
        Map<String, Map<Integer, Map<String, BigDecimal[]>>> sums = new HashMap<>();
        query("SELECT a.uscc, a.period, a.source_type, a.kind, a.unit, SUM(a.quantity) FROM intake_activity a "
                + "JOIN (SELECT uscc, period, source_type, MAX(submission_id) AS sid FROM intake_activity "
                + "WHERE kind IN ('ELECTRICITY_PURCHASED', 'GREEN_ELECTRICITY') GROUP BY uscc, period, source_type) l "
                + "ON l.uscc = a.uscc AND l.period = a.period AND l.source_type = a.source_type AND l.sid = a.submission_id "
                + "WHERE a.kind IN ('ELECTRICITY_PURCHASED', 'GREEN_ELECTRICITY')", "a.uscc",
                " GROUP BY a.uscc, a.period, a.source_type, a.kind, a.unit", usccs, (rs, n) -> {
                    BigDecimal q = rs.getBigDecimal(6);
                    if ("kWh".equalsIgnoreCase(rs.getString(5))) {
                        q = q.movePointLeft(3);
                    }
                    BigDecimal[] s = sums.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(Integer.parseInt(rs.getString(2).substring(0, 4)), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(3), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    int i = "GREEN_ELECTRICITY".equals(rs.getString(4)) ? 0 : 1;
                    s[i] = s[i].add(q);
                    return null;
                });
        Map<String, Map<Integer, BigDecimal>> traded = new HashMap<>();
        query("SELECT g.uscc, g.period, SUM(g.quantity_mwh) FROM green_power g JOIN submission s ON s.id = g.submission_id "
                + "WHERE s.status = 'ACCEPTED'", "g.uscc", " GROUP BY g.uscc, g.period", usccs, (rs, n) -> {
                    traded.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .merge(Integer.parseInt(rs.getString(2).substring(0, 4)), rs.getBigDecimal(3), BigDecimal::add);
                    return null;
                });
        Map<String, Map<Integer, GreenPower>> out = new HashMap<>();
        Set<String> all = new HashSet<>(sums.keySet());
        all.addAll(traded.keySet());
        for (String uscc : all) {
            Map<Integer, Map<String, BigDecimal[]>> years = sums.getOrDefault(uscc, Map.of());
            Set<Integer> ys = new HashSet<>(years.keySet());
            ys.addAll(traded.getOrDefault(uscc, Map.of()).keySet());
            for (int year : ys) {
                BigDecimal green = BigDecimal.ZERO;
                BigDecimal purchased = BigDecimal.ZERO;
                for (BigDecimal[] s : years.getOrDefault(year, Map.of()).values()) {
                    green = green.max(s[0]);
                    purchased = purchased.max(s[1]);
                }
                BigDecimal extra = traded.getOrDefault(uscc, Map.of()).get(year);
                if (extra != null) {
                    green = green.add(extra);
                }
                out.computeIfAbsent(uscc, k -> new TreeMap<>()).put(year, new GreenPower(uscc, year, green, purchased));
            }
        }
        return out;
    }

    /** A verification finding of an enterprise's data (cross-checks between sources and plausibility rules). */
    public record Finding(long id, String uscc, String period, String rule, String subject, String severity,
            String status, String messageZh, String messageEn) {
    }

    /** Which source reported activity data for how many months, from when to when (periods yyyy-MM). */
    public record SourceCoverage(String sourceType, int months, String firstPeriod, String lastPeriod) {
    }

    /** The penalties of one enterprise (accepted submissions, not withdrawn), with their end dates, oldest first. */
    public List<Penalty> penaltiesOf(String uscc) {
        return penalties(List.of(uscc)).getOrDefault(uscc, List.of());
    }

    /** ETS compliance of one enterprise by report year. */
    public Map<Integer, EtsCompliance> etsComplianceOf(String uscc) {
        return etsCompliance(List.of(uscc)).getOrDefault(uscc, Map.of());
    }

    /** The enterprise's verification findings with the given statuses (e.g. OPEN, EXPLAINED), newest period first. */
    public List<Finding> findings(String uscc, Collection<String> statuses, int limit) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(uscc);
        params.addAll(statuses);
        return jdbc.sql("SELECT id, uscc, period, rule, subject, severity, status, message_zh, message_en "
                + "FROM verification_finding WHERE uscc = ? AND status IN ("
                + String.join(",", java.util.Collections.nCopies(statuses.size(), "?")) + ") "
                + "ORDER BY period DESC, id").params(params)
                .query((rs, n) -> new Finding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list().stream().limit(limit).toList();
    }

    /** Open findings per enterprise: {@code [critical, warning]}, for province-wide views. */
    public Map<String, int[]> openFindingCounts() {
        Map<String, int[]> out = new HashMap<>();
        jdbc.sql("SELECT uscc, severity, COUNT(*) FROM verification_finding WHERE status = 'OPEN' GROUP BY uscc, severity")
                .query((rs, n) -> {
                    int[] c = out.computeIfAbsent(rs.getString(1), k -> new int[2]);
                    c["CRITICAL".equals(rs.getString(2)) ? 0 : 1] += rs.getInt(3);
                    return null;
                }).list();
        return out;
    }

    /** One verification finding of the enterprise, whatever its status; empty if it is another's or none. */
    public java.util.Optional<Finding> finding(String uscc, long id) {
        return jdbc.sql("SELECT id, uscc, period, rule, subject, severity, status, message_zh, message_en "
                + "FROM verification_finding WHERE id = ? AND uscc = ?").params(id, uscc)
                .query((rs, n) -> new Finding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .optional();
    }

    /** The sources that reported activity data for the enterprise, most months first. */
    public List<SourceCoverage> activitySources(String uscc) {
        return jdbc.sql("SELECT source_type, COUNT(DISTINCT period), MIN(period), MAX(period) FROM intake_activity_month "
                + "WHERE uscc = ? GROUP BY source_type ORDER BY COUNT(DISTINCT period) DESC, source_type").param(uscc)
                .query((rs, n) -> new SourceCoverage(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The enterprises a PENALTY, ETS_VERIFIED, TRANSITION or GREEN_POWER submission has rows for. */
    public Set<String> enterprisesOf(long submissionId, Dataset dataset) {
        String table = switch (dataset) {
            case PENALTY -> "penalty";
            case ETS_VERIFIED -> "ets_verified";
            case TRANSITION -> "transition_data";
            case GREEN_POWER -> "green_power";
            case ACTIVITY -> "intake_activity_month"; // one row per enterprise-month, not per activity line
        };
        return new HashSet<>(jdbc.sql("SELECT DISTINCT uscc FROM " + table + " WHERE submission_id = ?")
                .param(submissionId).query(String.class).list());
    }

    private <T> List<T> query(String sql, String usccColumn, String tail, Collection<String> usccs,
            org.springframework.jdbc.core.RowMapper<T> mapper) {
        if (usccs == null || usccs.size() > IN_LIMIT) {
            List<T> rows = jdbc.sql(sql + tail).query(mapper).list();
            return rows;
        }
        if (usccs.isEmpty()) {
            return List.of();
        }
        String where = (sql.contains(" WHERE ") && !sql.endsWith(")") ? " AND " : " AND ") + usccColumn + " IN ("
                + String.join(",", java.util.Collections.nCopies(usccs.size(), "?")) + ")";
        return jdbc.sql(sql + where + tail).params(new ArrayList<Object>(usccs)).query(mapper).list();
    }
}
