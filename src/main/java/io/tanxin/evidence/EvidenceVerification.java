package io.tanxin.evidence;

import java.util.List;

import io.tanxin.evidence.internal.AlertStore;
import io.tanxin.evidence.internal.VerificationJob;
import org.springframework.stereotype.Service;

/**
 * Runs the verification job on demand and lists its alerts. The job also runs on its own every
 * {@code tanxin.evidence.verification-interval-ms} (10 minutes by default).
 */
@Service
public class EvidenceVerification {

    private final VerificationJob job;
    private final AlertStore alerts;

    EvidenceVerification(VerificationJob job, AlertStore alerts) {
        this.job = job;
        this.alerts = alerts;
    }

    public VerificationReport verifyNow() {
        return job.run();
    }

    /** The newest alerts first. */
    public List<EvidenceAlert> alerts(int limit) {
        return alerts.newest(Math.max(1, Math.min(limit, 1000)));
    }
}
