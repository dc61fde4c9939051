package io.tanxin.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Institution;
import io.tanxin.identity.Actor;
import io.tanxin.reporting.internal.ConsentEvidence;
import io.tanxin.reporting.internal.ConsentStore;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consents (授权) of enterprises to financial institutions. A consent is never deleted: revoking
 * stamps it, so the history of who could read a report and why stays complete.
 */
@Service
public class ConsentManagement {

    /** The regulation lets consent run for a stated term; two years is the pilot's upper bound. */
    public static final int MAX_YEARS = 2;
    static final int EXPIRING_WITHIN_DAYS = 30;

    private final ConsentStore store;
    private final ConsentEvidence evidence;
    private final DirectoryManagement directory;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    ConsentManagement(ConsentStore store, ConsentEvidence evidence, DirectoryManagement directory,
            ApplicationEventPublisher events) {
        this.store = store;
        this.evidence = evidence;
        this.directory = directory;
        this.events = events;
    }

    /** The enterprise user {@code by} grants; the caller has checked it speaks for {@code uscc}. */
    @Transactional
    public Consent grant(String uscc, String institutionCode, ReportPurpose purpose, LocalDate validUntil, Actor by) {
        return grant(uscc, institutionCode, purpose, validUntil, by, null);
    }

    /** As above; a retry with the same {@code idempotencyKey} and body returns the consent it made first. */
    @Transactional
    public Consent grant(String uscc, String institutionCode, ReportPurpose purpose, LocalDate validUntil, Actor by,
            String idempotencyKey) {
        return grantOnce(uscc, institutionCode, purpose, validUntil, by, idempotencyKey).result();
    }

    /**
     * Grants, or replays: the same user's earlier grant with the same {@code idempotencyKey} is
     * answered again if it asked for the same enterprise, institution, purpose and term, and the key
     * is refused (IDEMPOTENCY_KEY_REUSED) if it asked for anything else. The request is checked
     * first, so a malformed one is refused for its own fault whatever its key. Only the term's
     * window moves with the calendar: an exact retry of a grant accepted before is answered as it
     * was, even if its last day has since come nearer than the window allows.
     */
    @Transactional
    public Replayable<Consent> grantOnce(String uscc, String institutionCode, ReportPurpose purpose,
            LocalDate validUntil, Actor by, String idempotencyKey) {
        String key = idempotencyKey == null ? null : Idempotency.check(idempotencyKey);
        directory.enterprise(uscc);
        Institution institution = financialInstitution(institutionCode);
        if (purpose == null || !purpose.consentable()) {
            throw new DomainException("INVALID_PURPOSE", "授权目的应为 LOAN_APPROVAL（贷款审批）或 POST_LOAN_MONITORING（贷后管理）",
                    "The purpose must be LOAN_APPROVAL or POST_LOAN_MONITORING").withStatus(400);
        }
        LocalDate today = ShanghaiDates.today(clock);
        DomainException outsideTerm = validUntil == null || !validUntil.isAfter(today)
                || validUntil.isAfter(today.plusYears(MAX_YEARS))
                        ? new DomainException("CONSENT_VALIDITY_INVALID",
                                "授权有效期须晚于今天且不超过 " + MAX_YEARS + " 年（至 " + today.plusYears(MAX_YEARS) + "）",
                                "The consent must end after today and within " + MAX_YEARS + " years (by "
                                        + today.plusYears(MAX_YEARS) + ")")
                        : null;
        if (key != null) {
            Optional<ConsentStore.Row> earlier = store.byIdempotencyKey(by.username(), key).flatMap(store::byId);
            if (earlier.isPresent()) {
                ConsentStore.Row first = earlier.get();
                if (first.uscc().equals(uscc) && first.institutionCode().equals(institution.code())
                        && first.purpose() == purpose && first.validUntil().equals(validUntil)) {
                    return new Replayable<>(toConsent(first, names()), true);
                }
                if (outsideTerm != null) {
                    throw outsideTerm;
                }
                throw Idempotency.reused("授权", "consent", first.id());
            }
        }
        if (outsideTerm != null) {
            throw outsideTerm;
        }
        long id = store.insert(uscc, institution.code(), purpose, validUntil, Instant.now(clock), by.username(), key);
        evidence.record(id);
        events.publishEvent(new ConsentGranted(id, uscc, institution.code(), purpose, validUntil));
        return new Replayable<>(consent(id), false);
    }

    /**
     * Revokes; revoking a consent of the enterprise that is already revoked (a retry, or a second
     * click) answers with the revoked consent as it stands, appending no evidence and no event.
     */
    @Transactional
    public Consent revoke(String uscc, long consentId, Actor by) {
        ConsentStore.Row row = store.byId(consentId).filter(r -> r.uscc().equals(uscc))
                .orElseThrow(ConsentManagement::notFound);
        if (row.revokedAt() != null || !store.revoke(consentId, Instant.now(clock), by.username())) {
            // revoked before, or concurrently in between: either way it is revoked once
            return consent(consentId);
        }
        evidence.record(consentId);
        events.publishEvent(new ConsentRevoked(consentId, uscc, row.institutionCode(), row.purpose()));
        return consent(consentId);
    }

    public Consent consent(long id) {
        return store.byId(id).map(r -> toConsent(r, names())).orElseThrow(ConsentManagement::notFound);
    }

    /** Every consent the enterprise ever gave, the newest first. */
    public List<Consent> forEnterprise(String uscc) {
        Map<String, String> names = names();
        return store.forEnterprise(uscc).stream().map(r -> toConsent(r, names)).toList();
    }

    /** Every consent given to the institution, the newest first; active ones ending soon are flagged. */
    public List<Consent> forInstitution(String institutionCode) {
        Map<String, String> names = names();
        return store.forInstitution(institutionCode).stream().map(r -> toConsent(r, names)).toList();
    }

    /** The consent that lets the institution read the enterprise's report for the purpose today. */
    public Optional<Consent> validConsent(String uscc, String institutionCode, ReportPurpose purpose) {
        if (uscc == null || institutionCode == null || purpose == null) {
            return Optional.empty();
        }
        return store.valid(uscc, institutionCode, purpose, ShanghaiDates.today(clock)).stream().findFirst()
                .map(r -> toConsent(r, names()));
    }

    /**
     * Why the institution has no valid consent for the purpose, for the refusal audit: a revoked
     * consent for the purpose outranks an expired one, which outranks consent for another purpose.
     */
    AccessRefusal.Reason whyNoConsent(String uscc, String institutionCode, ReportPurpose purpose) {
        if (uscc == null || institutionCode == null) {
            return AccessRefusal.Reason.NO_CONSENT;
        }
        LocalDate today = ShanghaiDates.today(clock);
        List<ConsentStore.Row> held = store.forEnterprise(uscc).stream()
                .filter(r -> r.institutionCode().equals(institutionCode)).toList();
        List<ConsentStore.Row> forPurpose = held.stream().filter(r -> r.purpose() == purpose).toList();
        if (forPurpose.stream().anyMatch(r -> r.revokedAt() != null)) {
            return AccessRefusal.Reason.CONSENT_REVOKED;
        }
        if (forPurpose.stream().anyMatch(r -> r.validUntil().isBefore(today))) {
            return AccessRefusal.Reason.CONSENT_EXPIRED;
        }
        return held.isEmpty() ? AccessRefusal.Reason.NO_CONSENT : AccessRefusal.Reason.CONSENT_OTHER_PURPOSE;
    }

    private Institution financialInstitution(String code) {
        Institution institution = directory.institutions().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new DomainException("INSTITUTION_NOT_FOUND", "未找到机构：" + code,
                        "No institution with code " + code).withStatus(422));
        if (!institution.financial()) {
            throw new DomainException("INSTITUTION_NOT_FINANCIAL", "只能向金融机构授权查询：" + institution.nameZh(),
                    "Consent can only be given to a financial institution: " + code);
        }
        return institution;
    }

    private Map<String, String> names() {
        return directory.institutions().stream().collect(Collectors.toMap(Institution::code, Institution::nameZh,
                (a, b) -> a));
    }

    private Consent toConsent(ConsentStore.Row r, Map<String, String> names) {
        LocalDate today = ShanghaiDates.today(clock);
        Consent.Status status = r.revokedAt() != null ? Consent.Status.REVOKED
                : r.validUntil().isBefore(today) ? Consent.Status.EXPIRED : Consent.Status.ACTIVE;
        boolean expiringSoon = status == Consent.Status.ACTIVE
                && !r.validUntil().isAfter(today.plusDays(EXPIRING_WITHIN_DAYS));
        return new Consent(r.id(), r.uscc(), r.institutionCode(), names.getOrDefault(r.institutionCode(),
                r.institutionCode()), r.purpose(), r.validUntil(), r.grantedAt(), r.grantedBy(), r.revokedAt(),
                r.revokedBy(), status, expiringSoon);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("CONSENT_NOT_FOUND", "未找到该授权", "No such consent");
    }
}
