package io.tanxin.directory;

/**
 * A directory search. {@code region} matches the division and everything under it (140000 finds
 * all of Shanxi, 140400 all of Changzhi); {@code industry} matches a GB/T 4754 code or its prefix.
 */
public record EnterpriseQuery(String name, String region, String industry, String park, int page, int size) {
}
