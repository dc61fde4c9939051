package io.tanxin.evidence.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The RFC 6962 reference vectors published with the certificate-transparency implementations and
 * kept in transparency-dev/merkle, file proof/verify_test.go (commit
 * 02194e9afb6c1d95b5381350007963aa70fff472): eight leaves, the roots of sizes 1..8 and the
 * inclusion and consistency proofs there. Their inclusion vectors number leaves from 1; here they
 * are converted to 0-based indices.
 */
class MerkleKnownAnswerTest {

    static final HexFormat HEX = HexFormat.of();

    static final List<byte[]> LEAVES = List.of(HEX.parseHex(""), HEX.parseHex("00"), HEX.parseHex("10"),
            HEX.parseHex("2021"), HEX.parseHex("3031"), HEX.parseHex("40414243"), HEX.parseHex("5051525354555657"),
            HEX.parseHex("606162636465666768696a6b6c6d6e6f"));

    static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    record InclusionVector(long index, long size, List<String> proof) {
    }

    record ConsistencyVector(long from, long to, List<String> proof) {
    }

    static final List<InclusionVector> INCLUSION = List.of(
            new InclusionVector(0, 1, List.of()),
            new InclusionVector(0, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new InclusionVector(5, 8, List.of(
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new InclusionVector(2, 3, List.of(
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new InclusionVector(1, 5, List.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    static final List<ConsistencyVector> CONSISTENCY = List.of(
            new ConsistencyVector(1, 1, List.of()),
            new ConsistencyVector(1, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new ConsistencyVector(6, 8, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new ConsistencyVector(2, 5, List.of(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new ConsistencyVector(6, 7, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    static MerkleTree tree() {
        MerkleTree tree = new MerkleTree();
        LEAVES.forEach(leaf -> tree.append(MerkleHashes.leafHash(leaf)));
        return tree;
    }

    @Test
    void theEmptyTreeHashesTheEmptyString() {
        assertThat(HEX.formatHex(new MerkleTree().root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(new MerkleFrontier().root()).isEqualTo(new MerkleTree().root());
    }

    @Test
    void rootsOfSizesOneToEightAreThePublishedOnes() {
        MerkleTree tree = tree();
        MerkleFrontier frontier = new MerkleFrontier();
        List<byte[]> hashes = new ArrayList<>();
        for (int size = 1; size <= 8; size++) {
            byte[] leafHash = MerkleHashes.leafHash(LEAVES.get(size - 1));
            frontier.append(leafHash);
            hashes.add(leafHash);
            String expected = ROOTS.get(size - 1);
            assertThat(HEX.formatHex(tree.root(size))).as("size %d", size).isEqualTo(expected);
            assertThat(HEX.formatHex(frontier.root())).as("frontier size %d", size).isEqualTo(expected);
            assertThat(HEX.formatHex(MerkleHashes.rootOf(hashes))).as("reference size %d", size).isEqualTo(expected);
        }
    }

    @Test
    void inclusionProofsAreThePublishedOnesAndVerify() {
        MerkleTree tree = tree();
        for (InclusionVector v : INCLUSION) {
            List<byte[]> proof = tree.inclusionProof(v.index(), v.size());
            assertThat(proof.stream().map(HEX::formatHex).toList()).as("%s", v).isEqualTo(v.proof());
            byte[] leafHash = MerkleHashes.leafHash(LEAVES.get((int) v.index()));
            byte[] root = HEX.parseHex(ROOTS.get((int) v.size() - 1));
            assertThat(MerkleVerifier.verifyInclusion(v.index(), v.size(), leafHash, hexes(v.proof()), root)).isTrue();
            assertThat(MerkleVerifier.verifyInclusion(v.index() + 1, v.size(), leafHash, hexes(v.proof()), root))
                    .isFalse();
        }
    }

    @Test
    void consistencyProofsAreThePublishedOnesAndVerify() {
        MerkleTree tree = tree();
        for (ConsistencyVector v : CONSISTENCY) {
            List<byte[]> proof = tree.consistencyProof(v.from(), v.to());
            assertThat(proof.stream().map(HEX::formatHex).toList()).as("%s", v).isEqualTo(v.proof());
            byte[] from = HEX.parseHex(ROOTS.get((int) v.from() - 1));
            byte[] to = HEX.parseHex(ROOTS.get((int) v.to() - 1));
            assertThat(MerkleVerifier.verifyConsistency(v.from(), v.to(), from, to, hexes(v.proof()))).isTrue();
            if (!v.proof().isEmpty()) {
                assertThat(MerkleVerifier.verifyConsistency(v.from(), v.to(), to, from, hexes(v.proof()))).isFalse();
                assertThat(MerkleVerifier.verifyConsistency(v.from(), v.to(), from, to, List.of())).isFalse();
            }
        }
    }

    @Test
    void edgeCasesOfTheVerifiers() {
        byte[] someHash = HEX.parseHex("abacaba000000000000000000000000000000000000000000060061e00123456");
        byte[] empty = new MerkleTree().root();
        assertThat(MerkleVerifier.verifyInclusion(0, 0, someHash, List.of(), empty)).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(1, 0, someHash, List.of(), empty)).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(2, 1, someHash, List.of(), someHash)).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(0, 1, someHash, List.of(), someHash)).isTrue();
        assertThat(MerkleVerifier.verifyInclusion(0, 1, new byte[0], List.of(), someHash)).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(0, 1, empty, someHash, List.of())).isTrue();
        assertThat(MerkleVerifier.verifyConsistency(1, 0, someHash, someHash, List.of())).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(1, 1, someHash, empty, List.of())).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(1, 1, empty, empty, List.of(empty))).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(1, 2, someHash, empty, List.of())).isFalse();
    }

    static List<byte[]> hexes(List<String> hex) {
        return hex.stream().map(HEX::parseHex).toList();
    }
}
