package io.tanxin.directory;

import java.time.OffsetDateTime;

/** An enterprise of the directory (名录库), keyed by its USCC. */
public record Enterprise(String uscc, String nameZh, String nameEn, String regionCode, String industryCode,
        SizeClass sizeClass, TransitionStage transitionStage, String parkCode, boolean synthetic,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {
}
