package io.tanxin.evidence;

/** Published for every new alert of the verification job: something in the log no longer matches. */
public record EvidenceTampered(EvidenceAlert alert) {
}
