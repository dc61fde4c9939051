package io.tanxin.evidence.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 public keys in the three spellings people meet: X.509 SubjectPublicKeyInfo (what the JDK
 * and PEM files use), the raw 32 bytes, and the signed-note verifier key
 * {@code <name>+<hex key id>+<base64(0x01 ‖ key)>} of C2SP signed-note.
 */
public final class Ed25519Keys {

    /** The 12 bytes of SPKI DER before the raw key: SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING }. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    static final byte ED25519_ALGORITHM = 0x01;
    public static final int RAW_KEY_SIZE = 32;

    private Ed25519Keys() {
    }

    public static byte[] rawFromSpki(byte[] spki) {
        if (spki.length != SPKI_PREFIX.length + RAW_KEY_SIZE
                || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 SubjectPublicKeyInfo");
        }
        return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
    }

    public static byte[] spkiFromRaw(byte[] raw) {
        if (raw.length != RAW_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + RAW_KEY_SIZE);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, RAW_KEY_SIZE);
        return spki;
    }

    public static PublicKey publicKey(byte[] raw) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spkiFromRaw(raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    public static String pem(byte[] spki) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(spki);
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** The raw key in a PEM {@code PUBLIC KEY} block. */
    public static byte[] rawFromPem(String pem) {
        String text = pem.strip();
        if (!text.startsWith("-----BEGIN PUBLIC KEY-----") || !text.endsWith("-----END PUBLIC KEY-----")) {
            throw new IllegalArgumentException("not a PEM PUBLIC KEY block");
        }
        String base64 = text.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return rawFromSpki(Base64.getDecoder().decode(base64));
    }

    /** The 4-byte key ID of C2SP signed-note: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[0:4]. */
    public static byte[] keyId(String name, byte[] raw) {
        MessageDigest sha256 = sha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(ED25519_ALGORITHM);
        sha256.update(raw);
        return Arrays.copyOf(sha256.digest(), 4);
    }

    public static String verifierKey(String name, byte[] raw) {
        byte[] typed = new byte[1 + RAW_KEY_SIZE];
        typed[0] = ED25519_ALGORITHM;
        System.arraycopy(raw, 0, typed, 1, RAW_KEY_SIZE);
        return name + "+" + HexFormat.of().formatHex(keyId(name, raw)) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** A signed-note verifier key parsed and checked (its key ID must match name and key). */
    public static NoteKey parseVerifierKey(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3); // base64 may contain +
        if (parts.length != 3 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("a verifier key reads <name>+<hex key id>+<base64 key>");
        }
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 1 + RAW_KEY_SIZE || typed[0] != ED25519_ALGORITHM) {
            throw new IllegalArgumentException("only Ed25519 verifier keys (type 0x01) are supported");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, typed.length);
        if (!HexFormat.of().formatHex(keyId(parts[0], raw)).equalsIgnoreCase(parts[1])) {
            throw new IllegalArgumentException("the verifier key's ID does not match its name and key");
        }
        return new NoteKey(parts[0], raw);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public key with the name it signs notes under; a null name accepts whatever name a line gives. */
    public record NoteKey(String name, byte[] raw) {
    }
}
