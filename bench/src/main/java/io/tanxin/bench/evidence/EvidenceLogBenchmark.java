package io.tanxin.bench.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.tanxin.evidence.merkle.MerkleHashes;
import io.tanxin.evidence.merkle.MerkleTree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The evidence log's in-memory side: batched appends (leaf hashing of ~300-byte canonical records
 * plus tree growth) in appends per second, and inclusion / consistency proof generation in a tree
 * of 1,000,003 leaves (not a power of two, so the right edge is incomplete) in microseconds.
 */
public class EvidenceLogBenchmark {

    static final int BATCH = 1_000;
    static final int LARGE_TREE = 1_000_003;

    @State(Scope.Thread)
    public static class Appending {
        List<byte[]> batch;
        MerkleTree tree;

        @Setup(Level.Trial)
        public void records() {
            batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batch.add(("tanxin-evidence/1 calculation_run\nuscc=91140400MA0GRR" + (1000 + i % 9000)
                        + "X\nperiod=2024-" + (1 + i % 12) + "\ninput_hash=" + "ab".repeat(32)
                        + "\nfactor_set=CN-2024 v3\nengine=1.4.0\nscope1=" + (i * 1.37) + "\nscope2_location="
                        + (i * 0.61) + "\ntotal_location=" + (i * 1.98) + "\ncreated_at=2025-01-01T00:00:00.000Z\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }

        // a fresh tree per iteration keeps memory flat however many batches JMH runs
        @Setup(Level.Iteration)
        public void emptyTree() {
            tree = new MerkleTree();
        }
    }

    @State(Scope.Benchmark)
    public static class LargeTree {
        MerkleTree tree;
        SplittableRandom random = new SplittableRandom(42);

        @Setup(Level.Trial)
        public void build() {
            tree = new MerkleTree();
            byte[] data = new byte[8];
            for (int i = 0; i < LARGE_TREE; i++) {
                data[0] = (byte) i;
                data[1] = (byte) (i >>> 8);
                data[2] = (byte) (i >>> 16);
                tree.append(MerkleHashes.leafHash(data));
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void appendBatch(Appending s) {
        for (byte[] record : s.batch) {
            s.tree.append(MerkleHashes.leafHash(record));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void inclusionProofAtOneMillion(LargeTree s, Blackhole bh) {
        bh.consume(s.tree.inclusionProof(s.random.nextLong(LARGE_TREE), LARGE_TREE));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void consistencyProofAtOneMillion(LargeTree s, Blackhole bh) {
        bh.consume(s.tree.consistencyProof(1 + s.random.nextLong(LARGE_TREE - 1), LARGE_TREE));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void rootAtOneMillion(LargeTree s, Blackhole bh) {
        bh.consume(s.tree.root());
    }
}
