package io.tanxin.reporting;

import io.tanxin.shared.DomainException;

/** The Idempotency-Key of a retried write, as the other modules accept it. */
final class Idempotency {

    static final int MAX_LENGTH = 128;

    private Idempotency() {
    }

    static String check(String key) {
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            throw new DomainException("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key 应为 1–128 个字符",
                    "Idempotency-Key must have 1–128 characters").withStatus(400);
        }
        return key;
    }

    /**
     * The key was used by the same user for a request that asked for something else: answering with
     * what that request made would let the caller believe this one was done.
     */
    static DomainException reused(String whatZh, String whatEn, long firstId) {
        return new DomainException("IDEMPOTENCY_KEY_REUSED",
                "该 Idempotency-Key 已用于内容不同的" + whatZh + "（#" + firstId + "），请为新的请求使用新的 Idempotency-Key",
                "This Idempotency-Key was used for a different " + whatEn + " (#" + firstId
                        + "); use a new key for a new request").withStatus(422);
    }
}
