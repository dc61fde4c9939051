package io.tanxin.evidence;

import java.time.Instant;
import java.util.Base64;

/**
 * A checkpoint the log signed: tree size, root hash and the full C2SP signed-note text (checkpoint
 * body, blank line, Ed25519 signature line), which is what a third party keeps and verifies.
 */
public record SignedCheckpoint(long treeSize, byte[] rootHash, String note, Instant createdAt) {

    public String rootBase64() {
        return Base64.getEncoder().encodeToString(rootHash);
    }
}
