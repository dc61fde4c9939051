package io.tanxin.evidence;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A second, deliberately separate reading of C2SP signed-note for Ed25519, written from the spec
 * and sharing no code with io.tanxin.evidence.note: parses the verifier key, recomputes the key ID
 * as SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[0:4] and checks the signature over the text before the
 * blank line.
 */
final class IndependentNoteCheck {

    private IndependentNoteCheck() {
    }

    static boolean verify(String note, String verifierKey) throws Exception {
        String[] vk = verifierKey.strip().split("\\+", 3);
        String name = vk[0];
        byte[] typedKey = Base64.getDecoder().decode(vk[2]);
        if (typedKey[0] != 1 || typedKey.length != 33) {
            return false;
        }
        byte[] raw = Arrays.copyOfRange(typedKey, 1, 33);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((name + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(typedKey);
        byte[] keyId = Arrays.copyOf(sha.digest(), 4);
        if (!HexFormat.of().formatHex(keyId).equals(vk[1])) {
            return false;
        }
        int blank = note.indexOf("\n\n");
        byte[] text = note.substring(0, blank + 1).getBytes(StandardCharsets.UTF_8);
        String expectedPrefix = "\u2014 " + name + " ";
        for (String line : note.substring(blank + 2).split("\n")) {
            if (!line.startsWith(expectedPrefix)) {
                continue;
            }
            byte[] sig = Base64.getDecoder().decode(line.substring(expectedPrefix.length()));
            if (sig.length != 68 || !Arrays.equals(Arrays.copyOf(sig, 4), keyId)) {
                continue;
            }
            byte[] spki = new byte[44];
            System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
            System.arraycopy(raw, 0, spki, 12, 32);
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
            ed.update(text);
            if (ed.verify(Arrays.copyOfRange(sig, 4, 68))) {
                return true;
            }
        }
        return false;
    }
}
