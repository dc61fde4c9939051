package io.tanxin.reporting;

public record ConsentRevoked(long consentId, String uscc, String institutionCode, ReportPurpose purpose) {
}
