package io.tanxin.accounting.factors;

import java.time.OffsetDateTime;

/** A published, immutable version of the emission factors. */
public record FactorSetInfo(long id, String code, int version, String status, String description, String contentHash,
        OffsetDateTime publishedAt, long factorCount) {
}
