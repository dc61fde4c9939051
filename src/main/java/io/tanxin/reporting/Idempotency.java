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
}
