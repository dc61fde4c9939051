package io.tanxin.accounting;

import java.util.List;

/**
 * New activity data was accepted for these enterprise-months (each carries the month's full,
 * merged lines); accounting records them as new revisions and recalculates after the submitter's
 * transaction commits. Published by intake; owned here because accounting defines what a month is.
 */
public record ActivityDataSubmitted(long submissionId, List<MonthlyActivities> months) {
}
