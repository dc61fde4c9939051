package io.tanxin.reporting;

/**
 * An objection was answered. For a CORRECTED month figure {@code recalculatedRunId} is the new
 * calculation run; rating listens to re-rate on CORRECTED outcomes.
 */
public record ObjectionResolved(long objectionId, String uscc, ObjectionItemType itemType, String itemRef,
        ObjectionOutcome outcome, Long recalculatedRunId) {
}
