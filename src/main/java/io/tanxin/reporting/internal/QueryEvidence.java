package io.tanxin.reporting.internal;

import java.util.Optional;

import io.tanxin.evidence.EvidenceData;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.evidence.RecordEvidence;
import org.springframework.stereotype.Component;

/** Every report query in the log, so a deleted or altered query record is noticed. */
@Component
public class QueryEvidence extends RecordEvidence {

    public static final String KIND = "report_query";

    private final QueryStore queries;

    QueryEvidence(EvidenceLog log, QueryStore queries) {
        super(KIND, log);
        this.queries = queries;
    }

    /** Records a query just inserted. */
    public long record(QueryStore.Row q) {
        return record(q.id(), data(q));
    }

    /** The leaf of a query just inserted, for the caller to append with its own leaves. */
    public EvidenceLog.Item item(QueryStore.Row q) {
        return item(q.id(), data(q));
    }

    @Override
    protected Optional<byte[]> data(long id) {
        return queries.byId(id).map(QueryEvidence::data);
    }

    private static byte[] data(QueryStore.Row q) {
        EvidenceData data = EvidenceData.of(KIND).put("id", q.id()).put("uscc", q.uscc())
                .put("queriedAt", q.queriedAt()).put("user", q.username())
                .put("organisation", q.organisationCode() == null ? "-" : q.organisationCode())
                .put("basis", q.basis().name()).put("purpose", q.purpose().name());
        if (q.consentId() != null) {
            data.put("consent", q.consentId());
        }
        return data.toBytes();
    }
}
