package io.tanxin.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.tanxin.directory.DirectoryManagement;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.identity.Role;
import io.tanxin.reporting.internal.QueryEvidence;
import io.tanxin.reporting.internal.QueryStore;
import io.tanxin.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether a caller may read an enterprise's carbon credit report and records the read.
 * Call {@link #authorize} before building a report, in the same request; nothing is shown unless
 * it returns. A bank without a valid consent gets the same answer whether or not the enterprise
 * exists, so the refusal tells it nothing.
 */
@Service
public class ReportAccess {

    private final ConsentManagement consents;
    private final QueryStore queries;
    private final QueryEvidence evidence;
    private final QueryLog log;
    private final DirectoryManagement directory;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    ReportAccess(ConsentManagement consents, QueryStore queries, QueryEvidence evidence, QueryLog log,
            DirectoryManagement directory, ApplicationEventPublisher events) {
        this.consents = consents;
        this.queries = queries;
        this.evidence = evidence;
        this.log = log;
        this.directory = directory;
        this.events = events;
    }

    /** For the signed-in caller. */
    @Transactional
    public QueryRecord authorize(String uscc, ReportPurpose purpose) {
        return authorize(Actors.require(), uscc, purpose);
    }

    /**
     * Grants the read and records it (with an evidence leaf) or throws {@code REPORT_ACCESS_DENIED}
     * (403). {@code purpose} matters for banks only and must be one they can hold a consent for;
     * the enterprise itself, the regulator and the agency read for their own fixed purpose.
     */
    @Transactional
    public QueryRecord authorize(Actor actor, String uscc, ReportPurpose purpose) {
        Grant grant = decide(actor, uscc, purpose).orElseThrow(ReportAccess::denied);
        long id = queries.insert(uscc, Instant.now(clock), actor.username(), actor.organisationCode(), grant.basis,
                grant.purpose, grant.consentId);
        evidence.record(id);
        events.publishEvent(new ReportQueried(id, uscc, actor.username(), grant.basis, grant.purpose));
        return log.byId(id);
    }

    private record Grant(AccessBasis basis, ReportPurpose purpose, Long consentId) {
    }

    private Optional<Grant> decide(Actor actor, String uscc, ReportPurpose purpose) {
        if (uscc == null) {
            return Optional.empty();
        }
        if (actor.confinedToOwnEnterprise()) {
            return uscc.equals(actor.organisationCode()) && directory.findEnterprise(uscc).isPresent()
                    ? Optional.of(new Grant(AccessBasis.OWN, ReportPurpose.SELF_INQUIRY, null))
                    : Optional.empty();
        }
        if (actor.has(Role.REGULATOR)) {
            directory.enterprise(uscc);
            return Optional.of(new Grant(AccessBasis.REGULATOR, ReportPurpose.SUPERVISION, null));
        }
        if (actor.has(Role.AGENCY_ANALYST)) {
            directory.enterprise(uscc);
            return Optional.of(new Grant(AccessBasis.AGENCY, ReportPurpose.AGENCY_REVIEW, null));
        }
        if (actor.has(Role.BANK_OFFICER) || actor.has(Role.BANK_ADMIN)) {
            // a consent exists only for a registered enterprise, so no lookup of the enterprise is needed
            return consents.validConsent(uscc, actor.organisationCode(), purpose)
                    .map(c -> new Grant(AccessBasis.CONSENT, c.purpose(), c.id()));
        }
        return Optional.empty();
    }

    private static DomainException denied() {
        return new DomainException("REPORT_ACCESS_DENIED",
                "无权查询该企业的碳信用报告：需有该企业对本机构在有效期内、与查询目的一致的授权",
                "You may not read this enterprise's carbon credit report: it needs a valid consent of the "
                        + "enterprise to your institution for this purpose").withStatus(403);
    }
}
