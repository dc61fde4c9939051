package io.tanxin.evidence;

/**
 * The key checkpoints are signed with: its signed-note name and 4-byte key ID (hex), the PEM
 * SubjectPublicKeyInfo, and the signed-note verifier key {@code <name>+<hex key id>+<base64(0x01 ‖ key)>}.
 */
public record EvidencePublicKey(String keyName, String keyId, String publicKeyPem, String verifierKey,
        String origin) {
}
