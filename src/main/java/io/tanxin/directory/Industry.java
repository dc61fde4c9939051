package io.tanxin.directory;

/** A GB/T 4754-2017 industry class and the accounting methodology it selects. */
public record Industry(String code, String nameZh, String nameEn, String methodology, Integer etsCoveredFrom) {
}
