package io.tanxin.accounting;

import java.time.YearMonth;
import java.util.List;

/**
 * Verification scored these enterprise-months' data quality (1 = verified … 5 = estimated, in the
 * PCAF sense); accounting shows the score with the account. Published by intake's verification.
 */
public record DataQualityAssessed(List<Score> scores) {

    public record Score(String uscc, YearMonth month, int score, String basis) {
    }
}
