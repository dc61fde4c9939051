package io.tanxin.intake.importing;

/**
 * How big a file may be and how many errors a rejection lists. A rejection names every error up to
 * {@code maxListedErrors} and counts all of them.
 */
public record ImportLimits(long maxBytes, long maxRows, int maxListedErrors) {

    public static final ImportLimits DEFAULT = new ImportLimits(64L * 1024 * 1024, 1_500_000, 10_000);
}
