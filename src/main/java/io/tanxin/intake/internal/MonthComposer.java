package io.tanxin.intake.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tanxin.accounting.ActivityLine;
import io.tanxin.accounting.MonthlyActivities;
import io.tanxin.intake.SourceType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Composes the month accounting should calculate from everything the sources reported: each
 * source's newest accepted submission for the month is its view; per kind group the view of the
 * highest-priority source is taken (see {@link SourcePriority}); green-power trades and
 * certificates, when reported, are the month's green electricity.
 */
@Component
public class MonthComposer {

    private final JdbcTemplate jdbc;

    MonthComposer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Key(String uscc, YearMonth month) {
    }

    public record Reported(SourceType source, long submissionId, ActivityLine line) {
    }

    public List<MonthlyActivities> compose(Collection<Key> keys) {
        Map<String, List<Key>> byUscc = new TreeMap<>();
        keys.forEach(k -> byUscc.computeIfAbsent(k.uscc(), u -> new ArrayList<>()).add(k));
        List<MonthlyActivities> out = new ArrayList<>(keys.size());
        List<String> usccs = List.copyOf(byUscc.keySet());
        for (int i = 0; i < usccs.size(); i += 200) {
            List<String> chunk = usccs.subList(i, Math.min(usccs.size(), i + 200));
            Map<Key, List<Reported>> reported = load(chunk);
            Map<Key, BigDecimal> green = loadGreen(chunk);
            for (String uscc : chunk) {
                for (Key key : byUscc.get(uscc)) {
                    List<ActivityLine> lines = merge(reported.getOrDefault(key, List.of()), green.get(key));
                    if (!lines.isEmpty()) {
                        out.add(new MonthlyActivities(key.uscc(), key.month(), "MERGED", lines));
                    }
                }
            }
        }
        return out;
    }

    static List<ActivityLine> merge(List<Reported> reported, BigDecimal green) {
        // newest submission per source, then per item the best source that reported it
        Map<SourceType, Long> newest = new EnumMap<>(SourceType.class);
        for (Reported r : reported) {
            newest.merge(r.source(), r.submissionId(), Math::max);
        }
        Map<String, Map<SourceType, List<ActivityLine>>> byItem = new LinkedHashMap<>();
        for (Reported r : reported) {
            if (r.submissionId() == newest.get(r.source())) {
                byItem.computeIfAbsent(SourcePriority.item(r.line()), g -> new EnumMap<>(SourceType.class))
                        .computeIfAbsent(r.source(), s -> new ArrayList<>()).add(r.line());
            }
        }
        List<ActivityLine> lines = new ArrayList<>();
        byItem.forEach((item, bySource) -> {
            if (item.equals("GREEN_ELECTRICITY") && green != null) {
                return;
            }
            String kind = bySource.values().iterator().next().get(0).kind();
            for (SourceType source : SourcePriority.order(SourcePriority.group(kind))) {
                if (bySource.containsKey(source)) {
                    lines.addAll(bySource.get(source));
                    return;
                }
            }
        });
        if (green != null && green.signum() > 0) {
            lines.add(new ActivityLine("GREEN_ELECTRICITY", "GREEN_POWER", green, "MWh", Map.of()));
        }
        return lines;
    }

    /** Every source's newest accepted view of each month of these enterprises. */
    public Map<Key, List<Reported>> reported(List<String> usccs) {
        Map<Key, List<Reported>> all = new LinkedHashMap<>();
        for (int i = 0; i < usccs.size(); i += 200) {
            load(usccs.subList(i, Math.min(usccs.size(), i + 200))).forEach((key, list) -> {
                Map<SourceType, Long> newest = new EnumMap<>(SourceType.class);
                list.forEach(r -> newest.merge(r.source(), r.submissionId(), Math::max));
                all.put(key, list.stream().filter(r -> r.submissionId() == newest.get(r.source())).toList());
            });
        }
        return all;
    }

    /**
     * Finds the rows through intake_activity_month: per accepted submission, the row ranges of these
     * enterprises' months, merged where they lie close together, then each span read by submission
     * and row number (a BRIN index on PostgreSQL, see V31_1 and V31_2). Rows of months not asked
     * for that fall inside a span are dropped here.
     */
    private Map<Key, List<Reported>> load(List<String> usccs) {
        Map<Long, Listing> bySubmission = new TreeMap<>();
        jdbc.query("SELECT m.submission_id, m.source_type, m.uscc, m.period, m.first_row, m.last_row "
                + "FROM intake_activity_month m JOIN submission s ON s.id = m.submission_id "
                + "WHERE s.status = 'ACCEPTED' AND m.uscc IN (" + placeholders(usccs.size()) + ")", rs -> {
                    SourceType source = SourceType.valueOf(rs.getString(2));
                    Listing listing = bySubmission.computeIfAbsent(rs.getLong(1), id -> new Listing(source));
                    listing.months.add(rs.getString(3) + "@" + rs.getString(4));
                    int first = rs.getInt(5);
                    if (rs.wasNull()) {
                        listing.unnumbered.add(rs.getString(3));
                    } else {
                        listing.ranges.add(new int[] {first, rs.getInt(6)});
                    }
                }, usccs.toArray());
        Map<Key, List<Reported>> map = new LinkedHashMap<>();
        bySubmission.forEach((submissionId, listing) -> {
            org.springframework.jdbc.core.RowCallbackHandler row = rs -> {
                String uscc = rs.getString(1);
                String period = rs.getString(2);
                if (!listing.months.contains(uscc + "@" + period)) {
                    return;
                }
                map.computeIfAbsent(new Key(uscc, YearMonth.parse(period)), k -> new ArrayList<>()).add(new Reported(
                        listing.source, submissionId, new ActivityLine(rs.getString(3), rs.getString(4),
                                rs.getBigDecimal(5), rs.getString(6), io.tanxin.shared.ParameterText.parse(rs.getString(7)))));
            };
            for (int[] span : listing.spans()) {
                jdbc.query(ROWS + "AND row_no BETWEEN ? AND ? ORDER BY row_no", row, submissionId, span[0], span[1]);
            }
            if (!listing.unnumbered.isEmpty()) {
                List<Object> params = new ArrayList<>();
                params.add(submissionId);
                params.addAll(listing.unnumbered);
                jdbc.query(ROWS + "AND row_no IS NULL AND uscc IN (" + placeholders(listing.unnumbered.size()) + ")",
                        row, params.toArray());
            }
        });
        return map;
    }

    private static final String ROWS = "SELECT uscc, period, kind, code, quantity, unit, parameters FROM intake_activity "
            + "WHERE submission_id = ? ";

    /** Ranges closer than this many rows are read as one span: fewer statements, a few more rows. */
    static final int SPAN_GAP = 4096;

    /** What the directory says about one submission for the enterprises asked for. */
    private static final class Listing {
        final SourceType source;
        final java.util.Set<String> months = new java.util.HashSet<>();
        final java.util.Set<String> unnumbered = new java.util.TreeSet<>();
        final List<int[]> ranges = new ArrayList<>();

        Listing(SourceType source) {
            this.source = source;
        }

        List<int[]> spans() {
            return MonthComposer.spans(ranges, SPAN_GAP);
        }
    }

    static List<int[]> spans(List<int[]> ranges, int gap) {
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort(java.util.Comparator.comparingInt(r -> r[0]));
        List<int[]> spans = new ArrayList<>();
        for (int[] r : sorted) {
            int[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && r[0] <= (long) last[1] + gap) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                spans.add(new int[] {r[0], r[1]});
            }
        }
        return spans;
    }

    /** A newer green-power submission for a month replaces the older one rather than adding to it. */
    private Map<Key, BigDecimal> loadGreen(List<String> usccs) {
        Map<Key, long[]> newest = new LinkedHashMap<>();
        Map<Key, BigDecimal> map = new LinkedHashMap<>();
        jdbc.query("SELECT g.uscc, g.period, g.submission_id, g.quantity_mwh FROM green_power g JOIN submission s "
                + "ON s.id = g.submission_id WHERE s.status = 'ACCEPTED' AND g.uscc IN (" + placeholders(usccs.size())
                + ") ORDER BY g.submission_id", rs -> {
                    Key key = new Key(rs.getString(1), YearMonth.parse(rs.getString(2)));
                    long submission = rs.getLong(3);
                    long[] current = newest.computeIfAbsent(key, k -> new long[] {submission});
                    if (submission > current[0]) {
                        current[0] = submission;
                        map.remove(key);
                    }
                    map.merge(key, rs.getBigDecimal(4), BigDecimal::add);
                }, usccs.toArray());
        return map;
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
