package io.tanxin.rating.internal;

import java.util.Optional;

import io.tanxin.evidence.EvidenceData;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.evidence.RecordEvidence;
import org.springframework.stereotype.Component;

/**
 * An override or co-signature's leaf when it is proposed and again when it is decided, so the log
 * proves who proposed which label for what reason, and which second person approved or rejected it.
 */
@Component
public class OverrideEvidence extends RecordEvidence {

    static final String KIND = "rating_override";

    private final RatingStore store;

    OverrideEvidence(EvidenceLog log, RatingStore store) {
        super(KIND, log);
        this.store = store;
    }

    @Override
    protected Optional<byte[]> data(long id) {
        return store.override(id).map(o -> {
            EvidenceData d = EvidenceData.of(KIND).put("id", o.id()).put("ratingId", o.ratingId()).put("uscc", o.uscc())
                    .put("periodKind", o.periodKind()).put("year", o.year()).put("kind", o.kind())
                    .put("computedLabel", o.computedLabel()).put("proposedLabel", o.proposedLabel())
                    .put("reason", o.reason()).put("proposedBy", o.proposedBy())
                    .put("proposedAt", o.proposedAt().toInstant()).put("status", o.status());
            if (o.decidedAt() != null) {
                d.put("decidedBy", o.decidedBy()).put("decidedAt", o.decidedAt().toInstant());
                if (o.decisionReason() != null) {
                    d.put("decisionReason", o.decisionReason());
                }
            }
            return d.toBytes();
        });
    }
}
