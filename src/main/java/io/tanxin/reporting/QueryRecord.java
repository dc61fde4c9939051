package io.tanxin.reporting;

import java.time.Instant;
import java.util.Objects;

/**
 * One read of an enterprise's report: who (user and organisation — a bank's code, the enterprise's
 * USCC, or null for a role without one), when, why, and on which consent if any. {@code consentId}
 * is null unless {@code basis} is CONSENT.
 *
 * <p>Equality is by value, as a record's, but written out: every report compares the enterprise's
 * records with those its previous report listed (a few hundred a report, {@code QueryRecordTexts}),
 * and the generated methods, which reach the fields through method handles, took 18 % of a JSON
 * report's server CPU in a JFR profile (2026-11-30) when each record's text was looked up by value.
 * The hash is the id's: the views of one record (a bank sees other banks' without user and consent)
 * share it and differ in {@link #equals}.
 */
public record QueryRecord(long id, String uscc, Instant queriedAt, String username, String organisationCode,
        String organisationName, AccessBasis basis, ReportPurpose purpose, Long consentId) {

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof QueryRecord q && id == q.id && basis == q.basis && purpose == q.purpose
                && Objects.equals(uscc, q.uscc) && Objects.equals(queriedAt, q.queriedAt)
                && Objects.equals(username, q.username) && Objects.equals(organisationCode, q.organisationCode)
                && Objects.equals(organisationName, q.organisationName) && Objects.equals(consentId, q.consentId);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
