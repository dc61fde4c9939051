package io.tanxin.rating.internal;

/** SHA-256 in hex. */
public final class Hashes {

    private Hashes() {
    }

    public static String sha256(String s) {
        return ModelStore.sha256(s);
    }
}
