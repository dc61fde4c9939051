package io.tanxin.intake.internal;

import org.springframework.stereotype.Component;

/** Puts each finished submission into the evidence log (hash of raw bytes plus metadata). */
@Component
public class SubmissionEvidence {

    public void record(long submissionId) {
        // wired to the evidence log when that module lands
    }
}
