package io.tanxin.accounting;

import java.time.YearMonth;
import java.util.List;

/**
 * A stored revision of a month's activity data and the run calculated from it. {@code replayed}
 * says the request repeated an Idempotency-Key and nothing new was stored.
 */
public record RecordedActivities(long activitySetId, String uscc, YearMonth month, int revision, String source,
        String submittedBy, List<ActivityLine> lines, CarbonAccount.RunReference run, boolean replayed) {
}
