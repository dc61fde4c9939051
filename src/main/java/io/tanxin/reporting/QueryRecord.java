package io.tanxin.reporting;

import java.time.Instant;

/**
 * One read of an enterprise's report: who (user and organisation — a bank's code, the enterprise's
 * USCC, or null for a role without one), when, why, and on which consent if any. {@code consentId}
 * is null unless {@code basis} is CONSENT.
 */
public record QueryRecord(long id, String uscc, Instant queriedAt, String username, String organisationCode,
        String organisationName, AccessBasis basis, ReportPurpose purpose, Long consentId) {
}
