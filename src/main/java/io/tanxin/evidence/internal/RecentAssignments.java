package io.tanxin.evidence.internal;

import java.util.OptionalLong;

/**
 * The leaf indices the sequencer gave in its recent rounds, as runs of consecutive entry ids (a
 * round gives consecutive indices in id order, so a run of consecutive ids maps to a run of
 * indices). Every issued report asks for its own leaf's index right after the round that gave it;
 * this answers from memory what was two queries per report. A fixed ring of runs: the oldest are
 * forgotten, and a caller that finds nothing asks the database.
 */
final class RecentAssignments {

    private final long[] firstIds;
    private final long[] lastIds;
    private final long[] firstIndices;
    private int next;
    private int size;
    private long highestId = Long.MIN_VALUE;

    RecentAssignments(int runs) {
        firstIds = new long[runs];
        lastIds = new long[runs];
        firstIndices = new long[runs];
    }

    /** Entry {@code ids[i]} (ascending) got leaf index {@code firstIndex + i}. */
    synchronized void remember(long[] ids, long firstIndex) {
        int start = 0;
        while (start < ids.length) {
            int end = start + 1;
            while (end < ids.length && ids[end] == ids[end - 1] + 1) {
                end++;
            }
            firstIds[next] = ids[start];
            lastIds[next] = ids[end - 1];
            firstIndices[next] = firstIndex + start;
            highestId = Math.max(highestId, ids[end - 1]);
            next = (next + 1) % firstIds.length;
            size = Math.min(size + 1, firstIds.length);
            start = end;
        }
    }

    /** Newest runs first: the entry asked for was almost always sequenced a moment ago. */
    synchronized OptionalLong indexOf(long entryId) {
        if (entryId > highestId) {
            // not sequenced yet: the usual answer before a report's round, without a scan of every run
            return OptionalLong.empty();
        }
        for (int k = 1; k <= size; k++) {
            int i = Math.floorMod(next - k, firstIds.length);
            if (entryId >= firstIds[i] && entryId <= lastIds[i]) {
                return OptionalLong.of(firstIndices[i] + (entryId - firstIds[i]));
            }
        }
        return OptionalLong.empty();
    }
}
