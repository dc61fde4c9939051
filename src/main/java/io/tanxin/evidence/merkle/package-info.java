/**
 * The RFC 6962 / RFC 9162 §2 Merkle tree in plain Java (no Spring, database or JSON types): leaf
 * and node hashes, an in-memory tree that makes inclusion and consistency proofs, and the
 * verifiers for both. DESIGN §3 keeps cores like this one free to run anywhere.
 */
package io.tanxin.evidence.merkle;
