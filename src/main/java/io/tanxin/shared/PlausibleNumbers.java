package io.tanxin.shared;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The numbers Tanxin accepts from outside: below 10¹² in size, at most 30 significant digits and at
 * most 18 decimal places. A decimal like {@code 1e999999999} is a few bytes to send, but written out
 * in full (for a message, a hash, or the database) it is a billion digits; such a number, and the
 * overflow of a stored column, must be refused where it enters, not found as an out-of-memory error
 * or a failed recalculation after the data was accepted.
 */
public final class PlausibleNumbers {

    /** Longer number texts are refused before they are parsed: parsing is quadratic in the digits. */
    public static final int MAX_TEXT_LENGTH = 48;
    private static final BigDecimal LIMIT = new BigDecimal("1E12");
    /**
     * Measured parameters (heating values, carbon contents, oxidation rates, oxide fractions) are
     * small; bounded well below quantities so that quantity × parameter × factor, summed over a
     * month's lines, still fits the stored figures (18 integer digits).
     */
    public static final BigDecimal PARAMETER_LIMIT = new BigDecimal("1E6");
    private static final int MAX_PRECISION = 30;
    private static final int MAX_SCALE = 18;

    private PlausibleNumbers() {
    }

    /** Why the number is not plausible, as a code with Chinese and English text, or empty when it is. */
    public static Optional<Problem> problem(BigDecimal value) {
        return problem(value, LIMIT);
    }

    /** As {@link #problem(BigDecimal)} with a lower limit of size, e.g. {@link #PARAMETER_LIMIT}. */
    public static Optional<Problem> problem(BigDecimal value, BigDecimal limit) {
        if (value == null) {
            return Optional.empty();
        }
        // scale first: precision() and compareTo stay cheap only for a bounded exponent
        if (value.scale() < -MAX_PRECISION || value.abs().compareTo(limit) >= 0) {
            String power = "10^" + (limit.precision() - limit.scale() - 1);
            return Optional.of(new Problem("ABSURD_VALUE", "数值大得不合理（须小于 " + power + "）",
                    "Implausibly large (must be below " + power + ")"));
        }
        if (value.scale() > MAX_SCALE || value.precision() > MAX_PRECISION) {
            return Optional.of(new Problem("TOO_PRECISE", "数值位数过多（至多 " + MAX_PRECISION + " 位有效数字、"
                    + MAX_SCALE + " 位小数）", "Too many digits (at most " + MAX_PRECISION + " significant digits and "
                    + MAX_SCALE + " decimal places)"));
        }
        return Optional.empty();
    }

    /** A code with its message in Chinese and English. */
    public record Problem(String code, String messageZh, String messageEn) {
    }
}
