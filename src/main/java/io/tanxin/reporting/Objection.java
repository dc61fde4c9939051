package io.tanxin.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An objection with every step taken on it. {@code dueDate} is the last Asia/Shanghai day on which
 * the agency may answer; {@code overdue} is true once that day has passed without an answer.
 */
public record Objection(long id, String uscc, ObjectionItemType itemType, String itemRef, String reason,
        Instant filedAt, String filedBy, LocalDate dueDate, Status status, ObjectionOutcome outcome, String answer,
        Instant resolvedAt, String resolvedBy, boolean overdue, List<Step> steps) {

    public enum Status { FILED, ACKNOWLEDGED, RESOLVED }

    public enum Action { FILED, ACKNOWLEDGED, RESOLVED }

    public record Step(long id, Action action, String actor, Instant occurredAt, ObjectionOutcome outcome,
            String note) {
    }

    public boolean open() {
        return status != Status.RESOLVED;
    }
}
