package io.tanxin.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** One read asked for: who reads which enterprise's report, for what stated purpose. */
    public record Asked(Actor actor, String uscc, ReportPurpose purpose) {
    }

    /**
     * What deciding one read gave: the read recorded ({@code recorded}, whose evidence leaf the
     * caller appends) with the enterprise if the decision read it; or {@code failure}, to answer the
     * reader with: the refusal {@code REPORT_ACCESS_DENIED} (recorded for the audit) or what
     * deciding threw (an unknown enterprise for a regulator, say).
     */
    public record Decided(Recorded recorded, Enterprise enterprise, RuntimeException failure) {
    }

    /**
     * Decides several reads in the caller's transaction, which must be active: records each
     * refusal for the audit, and the granted reads' query records in one batch, in list order (a
     * caller ordering the list by enterprise never waits in a circle with another, see
     * {@link QueryStore#insertAll}). The caller appends the granted reads' leaves in the same
     * transaction, so a query record commits with what it was for, and answers the refused reads
     * with their failure only after it commits, so that the refusals stay recorded.
     */
    public List<Decided> decideAndRecordAll(List<Asked> asked) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("decideAndRecordAll records in its caller's transaction");
        }
        // the enterprises read by role, in one query rather than one a read
        Map<String, Enterprise> enterprises = directory.findEnterprises(asked.stream()
                .filter(a -> a.uscc() != null && readsByRole(a.actor())).map(Asked::uscc).collect(Collectors.toSet()));
        Function<String, Optional<Enterprise>> lookup = uscc -> Optional.ofNullable(enterprises.get(uscc));
        List<Decided> decided = new ArrayList<>(Collections.nCopies(asked.size(), (Decided) null));
        List<Integer> granted = new ArrayList<>();
        List<Grant> grants = new ArrayList<>();
        List<QueryStore.NewRow> rows = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Asked a = asked.get(i);
            Decision decision;
            try {
                decision = decide(a.actor(), a.uscc(), a.purpose(), lookup);
            } catch (RuntimeException e) {
                decided.set(i, new Decided(null, null, e));
                continue;
            }
            if (decision.grant() == null) {
                recordRefusal(a.actor(), a.uscc(), a.purpose(), decision);
                decided.set(i, new Decided(null, null, denied()));
                continue;
            }
            Grant grant = decision.grant();
            granted.add(i);
            grants.add(grant);
            rows.add(new QueryStore.NewRow(a.uscc(), Instant.now(clock), a.actor().username(),
                    a.actor().organisationCode(), grant.basis, grant.purpose, grant.consentId));
        }
        List<QueryStore.Row> inserted = queries.insertAll(rows);
        for (int k = 0; k < inserted.size(); k++) {
            QueryStore.Row row = inserted.get(k);
            published(row);
            decided.set(granted.get(k), new Decided(new Recorded(log.record(row), evidence.item(row)),
                    grants.get(k).enterprise, null));
        }
        return decided;
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

    private QueryStore.Row insert(Permit permit) {
        Grant grant = permit.grant;
        Actor actor = permit.actor;
        QueryStore.Row row = queries.insert(permit.uscc, Instant.now(clock), actor.username(),
                actor.organisationCode(), grant.basis, grant.purpose, grant.consentId);
        published(row);
        return row;
    }

    private void published(QueryStore.Row row) {
        events.publishEvent(new ReportQueried(row.id(), row.uscc(), row.username(), row.basis(), row.purpose()));
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
        return decide(actor, uscc, purpose, directory::findEnterprise);
    }

    /** {@code enterprises}: the directory, or what a batch read of it at once. */
    private Decision decide(Actor actor, String uscc, ReportPurpose purpose,
            Function<String, Optional<Enterprise>> enterprises) {
        if (actor.confinedToOwnEnterprise()) {
            Optional<Enterprise> own = uscc != null && uscc.equals(actor.organisationCode())
                    ? enterprises.apply(uscc) : Optional.empty();
            return own.map(e -> Decision.granted(new Grant(AccessBasis.OWN, ReportPurpose.SELF_INQUIRY, null, e)))
                    .orElseGet(() -> Decision.refused(AccessRefusal.Reason.NOT_OWN_ENTERPRISE));
        }
        if (uscc != null && actor.has(Role.REGULATOR)) {
            return Decision.granted(new Grant(AccessBasis.REGULATOR, ReportPurpose.SUPERVISION, null,
                    known(uscc, enterprises)));
        }
        if (uscc != null && actor.has(Role.AGENCY_ANALYST)) {
            return Decision.granted(new Grant(AccessBasis.AGENCY, ReportPurpose.AGENCY_REVIEW, null,
                    known(uscc, enterprises)));
        }
        if (actor.has(Role.BANK_OFFICER) || actor.has(Role.BANK_ADMIN)) {
            // a consent exists only for a registered enterprise, so no lookup of the enterprise is needed
            return consents.validConsent(uscc, actor.organisationCode(), purpose)
                    .map(c -> Decision.granted(new Grant(AccessBasis.CONSENT, c.purpose(), c.id(), null)))
                    .orElseGet(() -> Decision.refused(consents.whyNoConsent(uscc, actor.organisationCode(), purpose)));
        }
        return Decision.refused(AccessRefusal.Reason.ROLE_WITHOUT_ACCESS);
    }

    /** Whose reads {@link #decide} looks the enterprise up for: the enterprise itself, regulators and analysts. */
    private static boolean readsByRole(Actor actor) {
        return actor.confinedToOwnEnterprise() || actor.has(Role.REGULATOR) || actor.has(Role.AGENCY_ANALYST);
    }

    /** The enterprise, or the directory's own answer for one it does not know. */
    private Enterprise known(String uscc, Function<String, Optional<Enterprise>> enterprises) {
        return enterprises.apply(uscc).orElseGet(() -> directory.enterprise(uscc));
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
