package io.tanxin.reporting;

import java.time.LocalDate;

/**
 * Negative information (penalties, failed compliance, ...) is shown for five years from the day
 * the event ended and not after, as the credit-reporting regulation has it. Dates are
 * Asia/Shanghai calendar dates (use {@link ShanghaiDates}); an event still running is shown.
 */
public final class NegativeInformation {

    public static final int YEARS_SHOWN = 5;

    private NegativeInformation() {
    }

    /** Shown from the event through the day before the fifth anniversary of its end. */
    public static boolean visible(LocalDate eventEnd, LocalDate today) {
        return today.isBefore(hiddenFrom(eventEnd));
    }

    /** The first day on which the information is no longer shown (29 Feb ends on 28 Feb). */
    public static LocalDate hiddenFrom(LocalDate eventEnd) {
        return eventEnd.plusYears(YEARS_SHOWN);
    }
}
