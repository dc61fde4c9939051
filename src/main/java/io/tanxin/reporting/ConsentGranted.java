package io.tanxin.reporting;

import java.time.LocalDate;

public record ConsentGranted(long consentId, String uscc, String institutionCode, ReportPurpose purpose,
        LocalDate validUntil) {
}
