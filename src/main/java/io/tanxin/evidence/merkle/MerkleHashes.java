package io.tanxin.evidence.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The hashes of RFC 9162 §2.1.1: a leaf is {@code SHA-256(0x00 ‖ data)}, an inner node
 * {@code SHA-256(0x01 ‖ left ‖ right)}; the prefixes keep a leaf from ever passing for a node.
 */
public final class MerkleHashes {

    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    // MessageDigest.getInstance costs more than hashing a small leaf; one digest per thread
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(MerkleHashes::newDigest);

    private MerkleHashes() {
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest d = SHA256.get();
        d.update(LEAF_PREFIX);
        d.update(data);
        return d.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = SHA256.get();
        d.update(NODE_PREFIX);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    static byte[] nodeHash(byte[] left, int leftOffset, byte[] right, int rightOffset) {
        MessageDigest d = SHA256.get();
        d.update(NODE_PREFIX);
        d.update(left, leftOffset, HASH_SIZE);
        d.update(right, rightOffset, HASH_SIZE);
        return d.digest();
    }

    /** MTH({}) = SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return SHA256.get().digest(new byte[0]);
    }

    /**
     * MTH straight from the definition in RFC 9162 §2.1.1, recursive and slow: the reference the
     * fast tree is tested against.
     */
    public static byte[] rootOf(List<byte[]> leafHashes) {
        return rootOf(leafHashes, 0, leafHashes.size());
    }

    private static byte[] rootOf(List<byte[]> leafHashes, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return emptyRoot();
        }
        if (n == 1) {
            return leafHashes.get(from).clone();
        }
        int k = (int) largestPowerOfTwoBelow(n);
        return nodeHash(rootOf(leafHashes, from, from + k), rootOf(leafHashes, from + k, to));
    }

    /** The k of RFC 9162's split: the largest power of two strictly smaller than n (n &gt; 1). */
    public static long largestPowerOfTwoBelow(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be > 1: " + n);
        }
        return Long.highestOneBit(n - 1);
    }

    static boolean isHash(byte[] h) {
        return h != null && h.length == HASH_SIZE;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
