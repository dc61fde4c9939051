package io.tanxin.intake.verification;

import java.math.BigDecimal;

/** What a rule found before it is stored: where, how bad, and the figures behind it. */
public record CheckResult(String uscc, String period, String rule, String subject, Severity severity,
        BigDecimal measured, BigDecimal expected, BigDecimal deviation, String messageZh, String messageEn) {

    public String key() {
        return uscc + "|" + period + "|" + rule + "|" + subject;
    }
}
