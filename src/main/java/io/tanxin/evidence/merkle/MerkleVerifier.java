package io.tanxin.evidence.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks proofs with the iterative algorithms of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2
 * (consistency), which need nothing but the proof, the sizes and the roots.
 */
public final class MerkleVerifier {

    private MerkleVerifier() {
    }

    public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof,
            byte[] root) {
        if (!MerkleHashes.isHash(root)) {
            return false;
        }
        byte[] computed = rootFromInclusionProof(index, treeSize, leafHash, proof);
        return computed != null && MessageDigest.isEqual(computed, root);
    }

    /** The root an inclusion proof leads to, or null when the proof cannot be for that index and size. */
    public static byte[] rootFromInclusionProof(long index, long treeSize, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= treeSize || !MerkleHashes.isHash(leafHash) || proof == null) {
            return null;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (!MerkleHashes.isHash(p) || sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHashes.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 ? r : null;
    }

    public static boolean verifyConsistency(long fromSize, long toSize, byte[] fromRoot, byte[] toRoot,
            List<byte[]> proof) {
        if (fromSize < 0 || toSize < fromSize || proof == null) {
            return false;
        }
        if (fromSize == toSize) {
            return proof.isEmpty() && MerkleHashes.isHash(fromRoot) && MessageDigest.isEqual(fromRoot, toRoot);
        }
        if (fromSize == 0) {
            // the empty tree is a prefix of every tree
            return proof.isEmpty();
        }
        if (proof.isEmpty() || !MerkleHashes.isHash(fromRoot) || !MerkleHashes.isHash(toRoot)) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(fromSize) == 1) {
            // the old tree is one complete subtree: the proof leaves out the root the verifier holds
            path.add(fromRoot);
        }
        path.addAll(proof);
        for (byte[] c : path) {
            if (!MerkleHashes.isHash(c)) {
                return false;
            }
        }
        long fn = fromSize - 1;
        long sn = toSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.nodeHash(c, fr);
                sr = MerkleHashes.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHashes.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot);
    }
}
