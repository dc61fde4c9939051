package io.tanxin.accounting.engine;

import java.util.List;

/**
 * The grid or heat factor chosen for a region and year, and why: {@code notes} say when the year
 * or the region differs from what was asked.
 *
 * @param unconfirmed the factor's reference status says it is unverified, inferred or similar
 */
public record ResolvedGridFactor(ElectricityFactor factor, AppliedFactor applied, boolean yearFallback,
                                 boolean regionFallback, boolean unconfirmed, List<Note> notes) {

    public ResolvedGridFactor {
        notes = List.copyOf(notes);
    }
}
