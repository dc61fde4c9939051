package io.tanxin.evidence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Canonical leaf data, so that appending a record and recomputing it later from its rows give the
 * same bytes. The format is UTF-8 text, one line per field in the order the caller puts them:
 *
 * <pre>
 * tanxin-evidence/1 &lt;kind&gt;\n
 * &lt;key&gt;=&lt;value&gt;\n ...
 * </pre>
 *
 * Keys match {@code [A-Za-z0-9_.-]+}. In values a backslash is written {@code \\}, a newline
 * {@code \n}, a carriage return {@code \r}. Numbers are written without trailing zeros
 * ({@code 12.50} and {@code 12.5000} are both {@code 12.5}; zero is {@code 0}) because a NUMERIC
 * column gives back its own scale. Instants are ISO-8601 UTC truncated to milliseconds, since
 * databases keep microseconds at best and may round. There is no null: leave the field out or put
 * an explicit marker.
 */
public final class EvidenceData {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]+");

    private final StringBuilder text = new StringBuilder();

    private EvidenceData(String kind) {
        text.append("tanxin-evidence/1 ").append(checkKey(kind)).append('\n');
    }

    public static EvidenceData of(String kind) {
        return new EvidenceData(kind);
    }

    public EvidenceData put(String key, String value) {
        if (value == null) {
            throw new IllegalArgumentException("evidence data has no null values: " + key);
        }
        text.append(checkKey(key)).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        text.append('\n');
        return this;
    }

    public EvidenceData put(String key, long value) {
        return put(key, Long.toString(value));
    }

    public EvidenceData put(String key, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException("evidence data has no null values: " + key);
        }
        return put(key, value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
    }

    public EvidenceData put(String key, Instant value) {
        if (value == null) {
            throw new IllegalArgumentException("evidence data has no null values: " + key);
        }
        return put(key, value.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /** Puts a hash or other binary value as lower-case hex. */
    public EvidenceData putHex(String key, byte[] value) {
        return put(key, java.util.HexFormat.of().formatHex(value));
    }

    public byte[] toBytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static String checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("an evidence data key matches [A-Za-z0-9_.-]+: " + key);
        }
        return key;
    }
}
