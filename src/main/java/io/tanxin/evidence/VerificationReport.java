package io.tanxin.evidence;

import java.util.List;

/** What one run of the verification job checked and which new alerts it raised. */
public record VerificationReport(long leavesChecked, int checkpointsChecked, long sourceRecordsChecked,
        List<EvidenceAlert> newAlerts, long millis) {

    public boolean clean() {
        return newAlerts.isEmpty();
    }
}
