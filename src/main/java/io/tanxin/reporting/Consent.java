package io.tanxin.reporting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An enterprise's consent to one institution for one purpose, valid through {@code validUntil}
 * (an Asia/Shanghai date, inclusive). {@code expiringSoon}: active and ending within 30 days.
 */
public record Consent(long id, String uscc, String institutionCode, String institutionName, ReportPurpose purpose,
        LocalDate validUntil, Instant grantedAt, String grantedBy, Instant revokedAt, String revokedBy,
        Status status, boolean expiringSoon) {

    public enum Status { ACTIVE, REVOKED, EXPIRED }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
