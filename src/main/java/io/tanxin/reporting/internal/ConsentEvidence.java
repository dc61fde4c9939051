package io.tanxin.reporting.internal;

import java.util.Optional;

import io.tanxin.evidence.EvidenceData;
import io.tanxin.evidence.EvidenceLog;
import io.tanxin.evidence.RecordEvidence;
import org.springframework.stereotype.Component;

/**
 * A consent's leaf on grant and again on revocation, so the log proves who allowed whom to read,
 * until when, and when that ended. The newest leaf is the consent's current state.
 */
@Component
public class ConsentEvidence extends RecordEvidence {

    public static final String KIND = "consent";

    private final ConsentStore consents;

    ConsentEvidence(EvidenceLog log, ConsentStore consents) {
        super(KIND, log);
        this.consents = consents;
    }

    @Override
    protected Optional<byte[]> data(long id) {
        return consents.byId(id).map(c -> {
            EvidenceData data = EvidenceData.of(KIND).put("id", c.id()).put("uscc", c.uscc())
                    .put("institution", c.institutionCode()).put("purpose", c.purpose().name())
                    .put("validUntil", c.validUntil().toString()).put("grantedAt", c.grantedAt())
                    .put("grantedBy", c.grantedBy());
            if (c.revokedAt() != null) {
                data.put("revokedAt", c.revokedAt()).put("revokedBy", c.revokedBy());
            }
            return data.toBytes();
        });
    }
}
