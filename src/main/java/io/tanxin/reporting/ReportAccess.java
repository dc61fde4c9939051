package io.tanxin.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tanxin.directory.DirectoryManagement;
import io.tanxin.directory.Enterprise;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.identity.Role;
import io.tanxin.reporting.internal.QueryEvidence;
import io.tanxin.reporting.internal.QueryStore;
import io.tanxin.reporting.internal.RefusalStore;
import io.tanxin.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides whether a caller may read an enterprise's carbon credit report and records the read.
 * Call {@link #authorize} before building a report, in the same request; nothing is shown unless
 * it returns. A bank without a valid consent gets the same answer whether or not the enterprise
 * exists, so the refusal tells it nothing; the refusal itself is kept for the regulator's and the
 * agency's audit ({@link AccessRefusals}).
 */
@Service
public class ReportAccess {

    static final String DENIED = "REPORT_ACCESS_DENIED";

    private final ConsentManagement consents;
    private final QueryStore queries;
    private final QueryEvidence evidence;
    private final QueryLog log;
    private final RefusalStore refusals;
    private final DirectoryManagement directory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate ownTx;
    private final Clock clock = Clock.systemUTC();

    ReportAccess(ConsentManagement consents, QueryStore queries, QueryEvidence evidence, QueryLog log,
            RefusalStore refusals, DirectoryManagement directory, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.consents = consents;
        this.queries = queries;
        this.evidence = evidence;
        this.log = log;
        this.refusals = refusals;
        this.directory = directory;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.ownTx = new TransactionTemplate(transactions);
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** For the signed-in caller. */
    public QueryRecord authorize(String uscc, ReportPurpose purpose) {
        return authorize(Actors.require(), uscc, purpose);
    }

    /**
     * Grants the read and records it (with an evidence leaf) or records the refusal for the audit
     * and throws {@code REPORT_ACCESS_DENIED} (403). {@code purpose} matters for banks only and must
     * be one they can hold a consent for; the enterprise itself, the regulator and the agency read
     * for their own fixed purpose.
     */
    public QueryRecord authorize(Actor actor, String uscc, ReportPurpose purpose) {
        Permit permit = permit(actor, uscc, purpose);
        return tx.execute(s -> record(permit));
    }

    /**
     * Decides the read and, if granted, does {@code work} with the permit, both in one transaction
     * (one connection a report where deciding first took a second). A refusal is recorded in that
     * transaction, which then commits, and {@code REPORT_ACCESS_DENIED} is thrown after it, so the
     * refusal stays recorded although the caller's request fails. {@link #recordLeafToAppend} turns
     * the permit into the query record in the same transaction.
     */
    public <T> T decideAndRead(Actor actor, String uscc, ReportPurpose purpose, Function<Permit, T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // a caller's transaction would roll back with the refusal: decide as authorize() does
            return work.apply(permit(actor, uscc, purpose));
        }
        boolean[] refused = {false};
        T result = tx.execute(s -> {
            Decision decision = decide(actor, uscc, purpose);
            if (decision.grant() == null) {
                recordRefusal(actor, uscc, purpose, decision);
                refused[0] = true;
                return null;
            }
            return work.apply(new Permit(actor, uscc, decision.grant()));
        });
        if (refused[0]) {
            throw denied();
        }
        return result;
    }

    /** The decision alone: a permit to read, or the refusal recorded (in its own transaction) and thrown. */
    private Permit permit(Actor actor, String uscc, ReportPurpose purpose) {
        Decision decision = decide(actor, uscc, purpose);
        if (decision.grant() == null) {
            // its own transaction, so the refusal stays recorded although the caller's request fails
            ownTx.executeWithoutResult(s -> recordRefusal(actor, uscc, purpose, decision));
            throw denied();
        }
        return new Permit(actor, uscc, decision.grant());
    }

    private void recordRefusal(Actor actor, String uscc, ReportPurpose purpose, Decision decision) {
        refusals.insert(uscc, Instant.now(clock), actor.username(), actor.organisationCode(), roles(actor), purpose,
                DENIED, decision.refusal());
    }

    /** Records the permitted read, with its evidence leaf, in the caller's transaction (or its own). */
    public QueryRecord record(Permit permit) {
        return tx.execute(s -> {
            QueryStore.Row row = insert(permit);
            evidence.record(row);
            return log.record(row);
        });
    }

    /** A read recorded, and the evidence leaf of its query record, which its caller must append. */
    public record Recorded(QueryRecord query, EvidenceLog.Item leaf) {
    }

    /**
     * Records the permitted read in the caller's transaction, leaving its evidence leaf for the
     * caller to append with its own in one batch (a report appends the query's leaf and its own:
     * one round trip to the database instead of two). The caller's transaction must append it.
     */
    public Recorded recordLeafToAppend(Permit permit) {
        return tx.execute(s -> {
            QueryStore.Row row = insert(permit);
            return new Recorded(log.record(row), evidence.item(row));
        });
    }

    private QueryStore.Row insert(Permit permit) {
        Grant grant = permit.grant;
        Actor actor = permit.actor;
        QueryStore.Row row = queries.insert(permit.uscc, Instant.now(clock), actor.username(),
                actor.organisationCode(), grant.basis, grant.purpose, grant.consentId);
        events.publishEvent(new ReportQueried(row.id(), permit.uscc, actor.username(), grant.basis, grant.purpose));
        return row;
    }

    /** Leave to read one enterprise's report once; only {@link ReportAccess} makes them. */
    public static final class Permit {

        private final Actor actor;
        private final String uscc;
        private final Grant grant;

        private Permit(Actor actor, String uscc, Grant grant) {
            this.actor = actor;
            this.uscc = uscc;
            this.grant = grant;
        }

        /** The enterprise as the decision read it, if it had to; saves the report a second read. */
        public java.util.Optional<Enterprise> enterprise() {
            return java.util.Optional.ofNullable(grant.enterprise);
        }
    }

    /** {@code enterprise}: as the decision read it, when it had to (not for a bank's consent). */
    private record Grant(AccessBasis basis, ReportPurpose purpose, Long consentId, Enterprise enterprise) {
    }

    private record Decision(Grant grant, AccessRefusal.Reason refusal) {

        static Decision granted(Grant grant) {
            return new Decision(grant, null);
        }

        static Decision refused(AccessRefusal.Reason reason) {
            return new Decision(null, reason);
        }
    }

    private Decision decide(Actor actor, String uscc, ReportPurpose purpose) {
        if (actor.confinedToOwnEnterprise()) {
            java.util.Optional<Enterprise> own = uscc != null && uscc.equals(actor.organisationCode())
                    ? directory.findEnterprise(uscc) : java.util.Optional.empty();
            return own.map(e -> Decision.granted(new Grant(AccessBasis.OWN, ReportPurpose.SELF_INQUIRY, null, e)))
                    .orElseGet(() -> Decision.refused(AccessRefusal.Reason.NOT_OWN_ENTERPRISE));
        }
        if (uscc != null && actor.has(Role.REGULATOR)) {
            return Decision.granted(new Grant(AccessBasis.REGULATOR, ReportPurpose.SUPERVISION, null,
                    directory.enterprise(uscc)));
        }
        if (uscc != null && actor.has(Role.AGENCY_ANALYST)) {
            return Decision.granted(new Grant(AccessBasis.AGENCY, ReportPurpose.AGENCY_REVIEW, null,
                    directory.enterprise(uscc)));
        }
        if (actor.has(Role.BANK_OFFICER) || actor.has(Role.BANK_ADMIN)) {
            // a consent exists only for a registered enterprise, so no lookup of the enterprise is needed
            return consents.validConsent(uscc, actor.organisationCode(), purpose)
                    .map(c -> Decision.granted(new Grant(AccessBasis.CONSENT, c.purpose(), c.id(), null)))
                    .orElseGet(() -> Decision.refused(consents.whyNoConsent(uscc, actor.organisationCode(), purpose)));
        }
        return Decision.refused(AccessRefusal.Reason.ROLE_WITHOUT_ACCESS);
    }

    private static String roles(Actor actor) {
        return actor.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static DomainException denied() {
        return new DomainException(DENIED,
                "无权查询该企业的碳信用报告：需有该企业对本机构在有效期内、与查询目的一致的授权",
                "You may not read this enterprise's carbon credit report: it needs a valid consent of the "
                        + "enterprise to your institution for this purpose").withStatus(403);
    }
}
