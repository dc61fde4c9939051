package io.tanxin.reporting.internal;

import java.util.Optional;

import io.tanxin.evidence.EvidenceData;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.evidence.EvidenceSource;
import org.springframework.stereotype.Component;

/** Every report query in the log, so a deleted or altered query record is noticed. */
@Component
public class QueryEvidence implements EvidenceSource {

    public static final String KIND = "report_query";

    private final EvidenceLog log;
    private final QueryStore queries;

    QueryEvidence(EvidenceLog log, QueryStore queries) {
        this.log = log;
        this.queries = queries;
    }

    public long record(long queryId) {
        String ref = KIND + ":" + queryId;
        return log.append(KIND, ref, recompute(ref).orElseThrow());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<byte[]> recompute(String recordRef) {
        return queries.byId(Long.parseLong(recordRef.substring(KIND.length() + 1))).map(q -> {
            EvidenceData data = EvidenceData.of(KIND).put("id", q.id()).put("uscc", q.uscc())
                    .put("queriedAt", q.queriedAt()).put("user", q.username())
                    .put("organisation", q.organisationCode() == null ? "-" : q.organisationCode())
                    .put("basis", q.basis().name()).put("purpose", q.purpose().name());
            if (q.consentId() != null) {
                data.put("consent", q.consentId());
            }
            return data.toBytes();
        });
    }
}
