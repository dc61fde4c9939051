package io.tanxin.evidence.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * C2SP signed-note: a text ending in a newline, a blank line, then signature lines
 * {@code — <key name> <base64(4-byte key ID ‖ 64-byte Ed25519 signature)>} (em dash U+2014). The
 * signature covers the text, final newline included.
 */
public final class SignedNote {

    private static final String DASH = "\u2014 ";
    private static final int SIGNATURE_SIZE = 64;

    private SignedNote() {
    }

    public static String sign(String text, String keyName, byte[] rawPublicKey, PrivateKey privateKey) {
        return sign(text, keyName, rawPublicKey, message -> {
            try {
                Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initSign(privateKey);
                ed25519.update(message);
                return ed25519.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 signing failed", e);
            }
        });
    }

    /**
     * The same with another Ed25519 implementation: {@code ed25519} returns the 64-byte RFC 8032
     * signature of the message bytes it is given (deterministic, so any correct one gives the same note).
     */
    public static String sign(String text, String keyName, byte[] rawPublicKey,
            java.util.function.UnaryOperator<byte[]> ed25519) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text ends with a newline");
        }
        if (keyName.isEmpty() || keyName.contains("+") || keyName.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a key name has no spaces or '+'");
        }
        byte[] signature = ed25519.apply(text.getBytes(StandardCharsets.UTF_8));
        if (signature.length != SIGNATURE_SIZE) {
            throw new IllegalStateException("an Ed25519 signature has 64 bytes, not " + signature.length);
        }
        byte[] idAndSignature = new byte[4 + SIGNATURE_SIZE];
        System.arraycopy(Ed25519Keys.keyId(keyName, rawPublicKey), 0, idAndSignature, 0, 4);
        System.arraycopy(signature, 0, idAndSignature, 4, SIGNATURE_SIZE);
        return text + "\n" + DASH + keyName + " " + Base64.getEncoder().encodeToString(idAndSignature) + "\n";
    }

    /**
     * The note's text if one of its signature lines is a valid signature by the key (key ID and
     * signature both checked); empty otherwise. A key without a name accepts the name on the line
     * as long as the key ID computed from that name and the key matches.
     */
    public static Optional<String> verify(String note, Ed25519Keys.NoteKey key) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            return Optional.empty();
        }
        String text = note.substring(0, split + 1);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        for (String line : note.substring(split + 2).split("\n")) {
            if (line.startsWith(DASH) && verifyLine(line.substring(DASH.length()), message, key)) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private static boolean verifyLine(String line, byte[] message, Ed25519Keys.NoteKey key) {
        int space = line.lastIndexOf(' ');
        if (space <= 0) {
            return false;
        }
        String name = line.substring(0, space);
        if (key.name() != null && !key.name().equals(name)) {
            return false;
        }
        byte[] idAndSignature;
        try {
            idAndSignature = Base64.getDecoder().decode(line.substring(space + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (idAndSignature.length != 4 + SIGNATURE_SIZE
                || !MessageDigest.isEqual(Arrays.copyOf(idAndSignature, 4), Ed25519Keys.keyId(name, key.raw()))) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(Ed25519Keys.publicKey(key.raw()));
            ed25519.update(message);
            return ed25519.verify(Arrays.copyOfRange(idAndSignature, 4, idAndSignature.length));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
