package io.tanxin.intake.verification;

/** A finding is open until an analyst explains it (the data stands) or it is resolved (the data was fixed). */
public enum FindingStatus {
    OPEN, EXPLAINED, RESOLVED
}
