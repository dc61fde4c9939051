package io.tanxin.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class RecentAssignmentsProperties {

    /** Rounds of ascending ids with gaps (rolled-back or late entries), indices given in order. */
    @Property
    void answersWhatTheRoundsGaveAndNothingElse(@ForAll @Size(min = 1, max = 8) List<@Size(max = 40) List<
            @IntRange(min = 1, max = 3) Integer>> rounds, @ForAll @LongRange(min = 0, max = 1_000_000) long startIndex) {
        RecentAssignments recent = new RecentAssignments(10_000);
        List<long[]> given = new ArrayList<>();
        TreeSet<Long> skipped = new TreeSet<>();
        long id = 100;
        long index = startIndex;
        for (List<Integer> steps : rounds) {
            long[] ids = new long[steps.size()];
            for (int i = 0; i < ids.length; i++) {
                for (int gap = 1; gap < steps.get(i); gap++) {
                    skipped.add(id++);
                }
                ids[i] = id++;
                given.add(new long[] {ids[i], index + i});
            }
            recent.remember(ids, index);
            index += ids.length;
        }
        for (long[] g : given) {
            assertThat(recent.indexOf(g[0])).hasValue(g[1]);
        }
        for (long s : skipped) {
            assertThat(recent.indexOf(s)).isEqualTo(OptionalLong.empty());
        }
        assertThat(recent.indexOf(id)).isEmpty();
        assertThat(recent.indexOf(99)).isEmpty();
    }

    @Property
    void forgetsTheOldestRunsBeyondItsSize(@ForAll @IntRange(min = 1, max = 50) int runs) {
        RecentAssignments recent = new RecentAssignments(runs);
        for (int r = 0; r <= runs; r++) {
            // one run each: ids 10r .. 10r+4
            recent.remember(new long[] {10L * r, 10L * r + 1, 10L * r + 2, 10L * r + 3, 10L * r + 4}, 5L * r);
        }
        assertThat(recent.indexOf(3)).isEmpty();
        assertThat(recent.indexOf(10L * runs + 3)).hasValue(5L * runs + 3);
    }
}
