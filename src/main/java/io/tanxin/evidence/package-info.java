/**
 * The evidence log (DESIGN §5.6): an append-only RFC 9162 Merkle log of submissions, calculation
 * runs, ratings, reports, consents and objection events, with Ed25519-signed C2SP checkpoints, a
 * verification job and an offline verifier. Other modules use {@link io.tanxin.evidence.EvidenceLog}
 * to append and implement {@link io.tanxin.evidence.EvidenceSource} so their leaves can be checked.
 */
package io.tanxin.evidence;
