package io.tanxin.accounting;

import java.time.YearMonth;
import java.util.List;

/** A month's activity data for one enterprise from one source. */
public record MonthlyActivities(String uscc, YearMonth month, String source, List<ActivityLine> lines) {

    public MonthlyActivities {
        lines = List.copyOf(lines);
    }
}
