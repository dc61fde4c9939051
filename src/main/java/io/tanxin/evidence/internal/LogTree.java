package io.tanxin.evidence.internal;

import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import io.tanxin.evidence.merkle.MerkleTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The in-memory tree of committed leaves. It is rebuilt from the stored leaf hashes on first use
 * and only ever extended with leaves whose sequencing transaction has committed, so it never holds
 * a leaf the database could lose. Many readers, one writer.
 */
@Component
public class LogTree {

    private static final Logger log = LoggerFactory.getLogger(LogTree.class);

    private final LeafStore leaves;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile MerkleTree tree;

    LogTree(LeafStore leaves) {
        this.leaves = leaves;
    }

    public <T> T read(Function<MerkleTree, T> reader) {
        loaded();
        lock.readLock().lock();
        try {
            return reader.apply(tree);
        } finally {
            lock.readLock().unlock();
        }
    }

    public long size() {
        return read(MerkleTree::size);
    }

    /**
     * Adds leaves committed at {@code firstIndex}; catches up from the database first if another
     * instance (or a failure after commit) left the tree behind.
     */
    public void extend(long firstIndex, List<byte[]> leafHashes) {
        loaded();
        lock.writeLock().lock();
        try {
            if (tree.size() < firstIndex) {
                leaves.leafHashes(tree.size(), firstIndex, tree::append);
            }
            if (tree.size() == firstIndex) {
                leafHashes.forEach(tree::append);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Brings the tree up to the committed size, for leaves sequenced by another instance. */
    public void catchUp() {
        long committed = leaves.committedSize();
        if (size() < committed) {
            extend(committed, List.of());
        }
    }

    /** A tree rebuilt from storage alone, as a fresh start would build it. */
    public MerkleTree rebuild() {
        MerkleTree fresh = new MerkleTree();
        leaves.leafHashes(0, leaves.committedSize(), fresh::append);
        return fresh;
    }

    private void loaded() {
        if (tree != null) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (tree == null) {
                long start = System.nanoTime();
                MerkleTree fresh = rebuild();
                tree = fresh;
                log.info("evidence log: rebuilt the Merkle tree of {} leaves in {} ms", fresh.size(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
