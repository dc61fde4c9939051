package io.tanxin.accounting.engine;

import java.util.Locale;

/** Reads the free-text status column of the reference data. */
final class FactorStatus {

    private static final String[] DOUBT = {"unverified", "inferred", "unofficial", "draft", "one transcription"};

    private FactorStatus() {
    }

    /** True when the reference itself says the figure is not yet trustworthy. */
    static boolean isUnconfirmed(String status) {
        if (status == null) {
            return false;
        }
        String s = status.toLowerCase(Locale.ROOT);
        for (String d : DOUBT) {
            if (s.contains(d)) {
                return true;
            }
        }
        return false;
    }
}
