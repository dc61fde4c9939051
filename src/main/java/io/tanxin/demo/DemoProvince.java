package io.tanxin.demo;

import java.time.OffsetDateTime;

/** What the API and console say about loaded demo data: that it is synthetic, and how much. */
public record DemoProvince(boolean synthetic, String noticeZh, String noticeEn, long seed, long enterprises,
        long accountedMonths, OffsetDateTime loadedAt) {
}
