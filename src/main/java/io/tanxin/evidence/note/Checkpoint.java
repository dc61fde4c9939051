package io.tanxin.evidence.note;

import java.util.Base64;

/**
 * The body of a C2SP tlog-checkpoint: origin line, tree size in decimal, base64 root hash, each
 * ending in a newline. Extension lines after the root are allowed by the format and ignored here.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash) {

    public String body() {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    public static Checkpoint parse(String body) {
        String[] lines = body.split("\n", -1);
        if (lines.length < 4 || lines[0].isEmpty() || !body.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint has an origin, a tree size and a root hash line");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("the tree size is not a decimal number: " + lines[1]);
        }
        byte[] root = Base64.getDecoder().decode(lines[2]);
        if (root.length != 32) {
            throw new IllegalArgumentException("the root hash has " + root.length + " bytes, not 32");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
    }
}
