package io.tanxin.reporting;

import java.time.Instant;

/**
 * A refused read of an enterprise's report, for the regulator's and the agency's audit only: the
 * bank that was refused never sees it, and the enterprise's report does not count it as a query.
 * {@code problemCode} is what the caller was told; {@code reason} is why, which the caller was not.
 */
public record AccessRefusal(long id, String requestedUscc, Instant refusedAt, String username,
        String organisationCode, String roles, ReportPurpose purpose, String problemCode, Reason reason) {

    /** Why a read was refused. */
    public enum Reason {
        /** The bank holds no consent of the enterprise at all (or the enterprise does not exist). */
        NO_CONSENT,
        /** The bank's consent for this purpose was revoked. */
        CONSENT_REVOKED,
        /** The bank's consent for this purpose has expired. */
        CONSENT_EXPIRED,
        /** The bank holds consent, but for another purpose. */
        CONSENT_OTHER_PURPOSE,
        /** An enterprise user asked for another (or an unknown) enterprise. */
        NOT_OWN_ENTERPRISE,
        /** The caller's roles give no access to reports. */
        ROLE_WITHOUT_ACCESS
    }
}
