package io.tanxin.evidence.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Every proof the tree makes verifies, and any change to what it covers (a bit of a proof hash, the
 * leaf, the root, the index or a size) makes verification fail.
 */
class MerkleProperties {

    @Example
    void twoEqualLeavesAreEachProvenAtBothIndices() {
        // jqwik found this (size 2, seed 543683): both leaves' data drawn empty, so the leaves are equal
        List<byte[]> drawn = randomLeafHashes(2, new Random(543683L));
        assertThat(drawn.get(0)).isEqualTo(drawn.get(1));
        everyInclusionProofVerifiesAndEveryTamperingFails(2, 543683L);
        byte[] same = MerkleHashes.leafHash(new byte[0]);
        MerkleTree tree = treeOf(List.of(same, same));
        assertThat(MerkleVerifier.verifyInclusion(1, 2, same, tree.inclusionProof(0, 2), tree.root())).isTrue();
    }

    @Property(tries = 60)
    void everyInclusionProofVerifiesAndEveryTamperingFails(@ForAll @IntRange(min = 1, max = 2000) int size,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Random random = new Random(seed);
        List<byte[]> leaves = randomLeafHashes(size, random);
        MerkleTree tree = treeOf(leaves);
        assertThat(tree.root()).isEqualTo(MerkleHashes.rootOf(leaves));
        // every index of a few sizes, plus random pairs, keeps 60 tries of up to 2,000 leaves quick
        for (int probe = 0; probe < 40; probe++) {
            int treeSize = 1 + random.nextInt(size);
            int index = random.nextInt(treeSize);
            byte[] root = tree.root(treeSize);
            List<byte[]> proof = tree.inclusionProof(index, treeSize);
            byte[] leaf = leaves.get(index);
            assertThat(MerkleVerifier.verifyInclusion(index, treeSize, leaf, proof, root)).isTrue();

            assertThat(MerkleVerifier.verifyInclusion(index, treeSize, flipBit(leaf, random), proof, root)).isFalse();
            assertThat(MerkleVerifier.verifyInclusion(index, treeSize, leaf, proof, flipBit(root, random))).isFalse();
            for (int i = 0; i < proof.size(); i++) {
                List<byte[]> tampered = new ArrayList<>(proof);
                tampered.set(i, flipBit(proof.get(i), random));
                assertThat(MerkleVerifier.verifyInclusion(index, treeSize, leaf, tampered, root)).isFalse();
            }
            if (treeSize > 1) {
                int otherIndex = (index + 1 + random.nextInt(treeSize - 1)) % treeSize;
                // the same leaf at the other index (two empty data, drawn now and then) is rightly proven there
                if (!java.util.Arrays.equals(leaves.get(otherIndex), leaf)) {
                    assertThat(MerkleVerifier.verifyInclusion(otherIndex, treeSize, leaf, proof, root)).isFalse();
                }
            }
            assertThat(MerkleVerifier.verifyInclusion(index, treeSize * 2L + 1, leaf, proof, root)).isFalse();
            if (!proof.isEmpty()) {
                assertThat(MerkleVerifier.verifyInclusion(index, treeSize, leaf, proof.subList(0, proof.size() - 1),
                        root)).isFalse();
            }
        }
    }

    @Property(tries = 100)
    void aFrontierTakenFromTheTreeAndExtendedGivesTheRootTheTreeWillHave(
            @ForAll @IntRange(min = 0, max = 1100) int committed, @ForAll @IntRange(min = 0, max = 300) int added,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        List<byte[]> leaves = randomLeafHashes(committed + added, new Random(seed));
        MerkleTree tree = treeOf(leaves.subList(0, committed));
        MerkleFrontier frontier = tree.frontier();
        assertThat(frontier.size()).isEqualTo(committed);
        assertThat(frontier.root()).isEqualTo(tree.root());
        leaves.subList(committed, committed + added).forEach(frontier::append);
        // the tree itself is untouched until its leaves are added
        assertThat(tree.size()).isEqualTo(committed);
        assertThat(frontier.root()).isEqualTo(MerkleHashes.rootOf(leaves));
    }

    @Property(tries = 60)
    void everyConsistencyProofVerifiesAndEveryTamperingFails(@ForAll @IntRange(min = 1, max = 2000) int size,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Random random = new Random(seed);
        MerkleTree tree = treeOf(randomLeafHashes(size, random));
        for (int probe = 0; probe < 40; probe++) {
            int to = 1 + random.nextInt(size);
            int from = 1 + random.nextInt(to);
            byte[] fromRoot = tree.root(from);
            byte[] toRoot = tree.root(to);
            List<byte[]> proof = tree.consistencyProof(from, to);
            assertThat(MerkleVerifier.verifyConsistency(from, to, fromRoot, toRoot, proof)).isTrue();
            if (from == to) {
                assertThat(proof).isEmpty();
                continue;
            }
            assertThat(MerkleVerifier.verifyConsistency(from, to, flipBit(fromRoot, random), toRoot, proof)).isFalse();
            assertThat(MerkleVerifier.verifyConsistency(from, to, fromRoot, flipBit(toRoot, random), proof)).isFalse();
            for (int i = 0; i < proof.size(); i++) {
                List<byte[]> tampered = new ArrayList<>(proof);
                tampered.set(i, flipBit(proof.get(i), random));
                assertThat(MerkleVerifier.verifyConsistency(from, to, fromRoot, toRoot, tampered)).isFalse();
            }
            int otherFrom = 1 + random.nextInt(to);
            if (otherFrom != from && !java.util.Arrays.equals(tree.root(otherFrom), fromRoot)) {
                assertThat(MerkleVerifier.verifyConsistency(otherFrom, to, fromRoot, toRoot, proof)).isFalse();
            }
            // a hash list can fit two shapes (2 of 3 and 2 of 4 differ only in what the last hash stands
            // for), so a wrong size is tested as one that changes the tree's depth
            assertThat(MerkleVerifier.verifyConsistency(from, to * 2L, fromRoot, toRoot, proof)).isFalse();
            assertThat(MerkleVerifier.verifyConsistency(from, to, fromRoot, toRoot,
                    proof.subList(0, proof.size() - 1))).isFalse();
        }
    }

    @Property(tries = 40)
    void theFrontierAgreesWithTheTreeAtEverySize(@ForAll @IntRange(min = 0, max = 600) int size,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        List<byte[]> leaves = randomLeafHashes(size, new Random(seed));
        MerkleTree tree = new MerkleTree();
        MerkleFrontier frontier = new MerkleFrontier();
        for (byte[] leaf : leaves) {
            tree.append(leaf);
            frontier.append(leaf);
            assertThat(frontier.root()).isEqualTo(tree.root());
        }
        assertThat(frontier.size()).isEqualTo(tree.size());
    }

    static List<byte[]> randomLeafHashes(int n, Random random) {
        List<byte[]> leaves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            leaves.add(MerkleHashes.leafHash(data));
        }
        return leaves;
    }

    static MerkleTree treeOf(List<byte[]> leaves) {
        MerkleTree tree = new MerkleTree();
        leaves.forEach(tree::append);
        return tree;
    }

    static byte[] flipBit(byte[] hash, Random random) {
        byte[] copy = hash.clone();
        int bit = random.nextInt(copy.length * 8);
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
