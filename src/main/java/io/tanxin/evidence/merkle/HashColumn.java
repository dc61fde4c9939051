package io.tanxin.evidence.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only array of 32-byte hashes in fixed chunks: growing never copies what is already
 * stored, so a million-leaf tree appends without pauses, and a stored hash never moves.
 */
final class HashColumn {

    private static final int CHUNK_BITS = 15;
    private static final int CHUNK_HASHES = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_HASHES - 1;

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;

    long size() {
        return size;
    }

    void add(byte[] hash) {
        int offset = (int) (size & CHUNK_MASK);
        if (offset == 0) {
            chunks.add(new byte[CHUNK_HASHES * MerkleHashes.HASH_SIZE]);
        }
        System.arraycopy(hash, 0, chunks.get(chunks.size() - 1), offset * MerkleHashes.HASH_SIZE,
                MerkleHashes.HASH_SIZE);
        size++;
    }

    byte[] get(long index) {
        byte[] out = new byte[MerkleHashes.HASH_SIZE];
        System.arraycopy(chunk(index), offset(index), out, 0, MerkleHashes.HASH_SIZE);
        return out;
    }

    byte[] chunk(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return chunks.get((int) (index >>> CHUNK_BITS));
    }

    static int offset(long index) {
        return (int) (index & CHUNK_MASK) * MerkleHashes.HASH_SIZE;
    }
}
