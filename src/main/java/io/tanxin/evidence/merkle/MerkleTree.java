package io.tanxin.evidence.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only RFC 9162 Merkle tree held in memory with every level of complete subtrees: level
 * k stores the hash of each aligned run of 2^k leaves. A proof then needs only O(log n) stored
 * hashes plus the few right-edge subtrees that are not complete, so proofs at a million leaves
 * cost microseconds. Memory is about 64 bytes per leaf (leaf hashes plus all inner levels).
 *
 * <p>Not thread-safe: one writer appends, readers must be kept out while it does (the log guards
 * it with a read-write lock).
 */
public final class MerkleTree {

    private final List<HashColumn> levels = new ArrayList<>();

    public MerkleTree() {
        levels.add(new HashColumn());
    }

    public long size() {
        return levels.get(0).size();
    }

    public void append(byte[] leafHash) {
        if (!MerkleHashes.isHash(leafHash)) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes");
        }
        levels.get(0).add(leafHash);
        long index = size() - 1;
        // an odd index closes a pair: hash it into the level above, and so on while that closes one too
        for (int level = 0; (index & 1) == 1; level++, index >>>= 1) {
            HashColumn column = levels.get(level);
            byte[] parent = MerkleHashes.nodeHash(column.chunk(index - 1), HashColumn.offset(index - 1),
                    column.chunk(index), HashColumn.offset(index));
            if (levels.size() == level + 1) {
                levels.add(new HashColumn());
            }
            levels.get(level + 1).add(parent);
        }
    }

    /**
     * The tree's right edge at its current size, to extend apart from the tree: a root of leaves not
     * yet committed (to sign before they are) without the tree ever holding them.
     */
    public MerkleFrontier frontier() {
        long size = size();
        List<byte[]> peaks = new ArrayList<>(Long.bitCount(size));
        long start = 0;
        for (int level = 63 - Long.numberOfLeadingZeros(size); level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                peaks.add(levels.get(level).get(start >>> level));
                start += 1L << level;
            }
        }
        return new MerkleFrontier(peaks, size);
    }

    public byte[] leafHash(long index) {
        return levels.get(0).get(index);
    }

    public byte[] root() {
        return root(size());
    }

    /** MTH of the first {@code treeSize} leaves: the root the log had when it was that size. */
    public byte[] root(long treeSize) {
        checkSize(treeSize);
        return treeSize == 0 ? MerkleHashes.emptyRoot() : subtree(0, treeSize);
    }

    /** PATH(index, D[0:treeSize]) of RFC 9162 §2.1.3.1, nearest sibling first. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        checkSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index " + index + " is not below tree size " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, treeSize, proof);
        return proof;
    }

    /** PROOF(from, D[0:to]) of RFC 9162 §2.1.4.1; empty when from is 0 or equals to. */
    public List<byte[]> consistencyProof(long from, long to) {
        checkSize(to);
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("from " + from + " must be between 0 and " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    private void path(long index, long lo, long hi, List<byte[]> out) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = MerkleHashes.largestPowerOfTwoBelow(n);
        if (index < lo + k) {
            path(index, lo, lo + k, out);
            out.add(subtree(lo + k, hi));
        } else {
            path(index, lo + k, hi, out);
            out.add(subtree(lo, lo + k));
        }
    }

    private void subproof(long m, long lo, long hi, boolean wholeOldTree, List<byte[]> out) {
        long n = hi - lo;
        if (m == n) {
            // the verifier already holds the old root; any other complete subtree must be sent
            if (!wholeOldTree) {
                out.add(subtree(lo, hi));
            }
            return;
        }
        long k = MerkleHashes.largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, lo, lo + k, wholeOldTree, out);
            out.add(subtree(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, out);
            out.add(subtree(lo, lo + k));
        }
    }

    /**
     * MTH(D[lo:hi]) for a range the RFC recursion produces: lo is aligned to a power of two at least
     * hi - lo, so a complete range is one stored node and an incomplete one splits the same way.
     */
    private byte[] subtree(long lo, long hi) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return levels.get(level).get(lo >>> level);
        }
        long k = MerkleHashes.largestPowerOfTwoBelow(n);
        return MerkleHashes.nodeHash(subtree(lo, lo + k), subtree(lo + k, hi));
    }

    private void checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " is not between 0 and " + size());
        }
    }
}
