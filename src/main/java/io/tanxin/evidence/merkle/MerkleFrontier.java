package io.tanxin.evidence.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: one hash per complete subtree (a compact range from 0), enough
 * to give the root at the current size in O(log n) memory. The verification job streams every
 * stored leaf through one of these and compares the root with each checkpoint as it passes it.
 */
public final class MerkleFrontier {

    private final List<byte[]> peaks;
    private long size;

    public MerkleFrontier() {
        this(new ArrayList<>(), 0);
    }

    /** {@code peaks}: the complete subtrees of a tree of {@code size} leaves, largest (leftmost) first. */
    MerkleFrontier(List<byte[]> peaks, long size) {
        if (peaks.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(size) + " peaks");
        }
        this.peaks = new ArrayList<>(peaks);
        this.size = size;
    }

    public long size() {
        return size;
    }

    public void append(byte[] leafHash) {
        if (!MerkleHashes.isHash(leafHash)) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes");
        }
        byte[] carry = leafHash;
        // each trailing one bit of the old size is a complete subtree the new leaf merges with
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            carry = MerkleHashes.nodeHash(peaks.remove(peaks.size() - 1), carry);
        }
        peaks.add(carry);
        size++;
    }

    public byte[] root() {
        if (size == 0) {
            return MerkleHashes.emptyRoot();
        }
        byte[] root = peaks.get(peaks.size() - 1);
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = MerkleHashes.nodeHash(peaks.get(i), root);
        }
        return root.clone();
    }
}
