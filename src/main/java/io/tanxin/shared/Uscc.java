package io.tanxin.shared;

import java.util.Objects;

/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-symbol
 * alphabet whose last character is a weighted mod-31 check over the first 17.
 */
public final class Uscc {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final String value;

    private Uscc(String value) {
        this.value = value;
    }

    /** Parses and checks a code; lower-case input is accepted and normalised. */
    public static Uscc of(String raw) {
        if (raw == null) {
            throw new InvalidUsccException(null, "统一社会信用代码不能为空", "USCC is required");
        }
        String code = raw.trim().toUpperCase(java.util.Locale.ROOT);
        if (code.length() != 18) {
            throw new InvalidUsccException(raw, "统一社会信用代码应为18位", "USCC must have 18 characters");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                throw new InvalidUsccException(raw, "统一社会信用代码第" + (i + 1) + "位含非法字符",
                        "USCC character " + (i + 1) + " is not allowed");
            }
        }
        if (checkCharacter(code.substring(0, 17)) != code.charAt(17)) {
            throw new InvalidUsccException(raw, "统一社会信用代码校验位错误", "USCC check character is wrong");
        }
        return new Uscc(code);
    }

    /** As {@link #of}, for a code in a URL path: a malformed path is a bad request (400). */
    public static Uscc ofPath(String raw) {
        try {
            return of(raw);
        } catch (InvalidUsccException e) {
            throw (InvalidUsccException) e.withStatus(400);
        }
    }

    public static boolean isValid(String raw) {
        try {
            of(raw);
            return true;
        } catch (InvalidUsccException e) {
            return false;
        }
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("illegal character " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - (sum % 31);
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /** Characters 3–8: the GB/T 2260 administrative division of registration. */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Uscc other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
