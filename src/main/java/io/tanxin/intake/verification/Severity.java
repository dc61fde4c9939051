package io.tanxin.intake.verification;

public enum Severity {
    WARNING, CRITICAL
}
