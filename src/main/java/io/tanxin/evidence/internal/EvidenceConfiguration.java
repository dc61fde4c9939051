package io.tanxin.evidence.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The log's clockwork: sequencing every second ({@code tanxin.evidence.sequence-interval-ms}), a
 * checkpoint when the tree grew ({@code tanxin.evidence.checkpoint-interval-ms}, 60 s) and the
 * verification job ({@code tanxin.evidence.verification-interval-ms}, 10 min), which reads the whole
 * log every {@code tanxin.evidence.full-verification-every}th run (6: hourly) and what was added
 * since the run before in the others.
 */
@Configuration
@EnableScheduling
class EvidenceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EvidenceConfiguration.class);

    private final Sequencer sequencer;
    private final Checkpoints checkpoints;
    private final VerificationJob verification;
    private final int fullVerificationEvery;

    EvidenceConfiguration(Sequencer sequencer, Checkpoints checkpoints, VerificationJob verification,
            @Value("${tanxin.evidence.full-verification-every:6}") int fullVerificationEvery) {
        this.sequencer = sequencer;
        this.checkpoints = checkpoints;
        this.verification = verification;
        this.fullVerificationEvery = fullVerificationEvery;
    }

    @Scheduled(initialDelayString = "${tanxin.evidence.sequence-interval-ms:1000}",
            fixedDelayString = "${tanxin.evidence.sequence-interval-ms:1000}")
    void sequence() {
        try {
            sequencer.sequence();
        } catch (RuntimeException e) {
            log.warn("evidence sequencing failed, retrying on the next round", e);
        }
    }

    @Scheduled(initialDelayString = "${tanxin.evidence.checkpoint-interval-ms:60000}",
            fixedDelayString = "${tanxin.evidence.checkpoint-interval-ms:60000}")
    void checkpoint() {
        try {
            checkpoints.checkpoint();
        } catch (RuntimeException e) {
            log.warn("evidence checkpoint failed, retrying on the next round", e);
        }
    }

    @Scheduled(initialDelayString = "${tanxin.evidence.verification-interval-ms:600000}",
            fixedDelayString = "${tanxin.evidence.verification-interval-ms:600000}")
    void verify() {
        try {
            verification.runScheduled(fullVerificationEvery);
        } catch (RuntimeException e) {
            log.error("evidence verification failed to run", e);
        }
    }
}
