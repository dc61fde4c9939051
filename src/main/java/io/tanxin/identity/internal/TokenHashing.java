package io.tanxin.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * API tokens carry 256 random bits, so a fast unsalted SHA-256 is enough to keep them useless if
 * the table leaks, and lets a request find its token by hash in one indexed lookup.
 */
public final class TokenHashing {

    private TokenHashing() {
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
