package io.tanxin.accounting;

/** Every account was recalculated in one go (new factor set, new engine, or operator command). */
public record CarbonAccountsRecomputed(int runs, int notComputable, long millis) {
}
