package io.tanxin.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The agency answers within 20 calendar days of filing, counted in Asia/Shanghai: an objection
 * filed at 23:30 UTC on 1 March is filed on 2 March in Shanghai and is due on 22 March.
 */
public final class ObjectionDeadline {

    public static final int DAYS = 20;

    private ObjectionDeadline() {
    }

    public static LocalDate dueDate(Instant filedAt) {
        return ShanghaiDates.dateOf(filedAt).plusDays(DAYS);
    }

    /** Overdue from the Shanghai day after the due date while still unanswered. */
    public static boolean overdue(LocalDate dueDate, boolean answered, Clock clock) {
        return !answered && ShanghaiDates.today(clock).isAfter(dueDate);
    }
}
