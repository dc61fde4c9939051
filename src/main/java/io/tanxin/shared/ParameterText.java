package io.tanxin.shared;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measured parameters of an activity line (stored by accounting and intake alike) as stable text ("cao=0.65;mgo=0.02", keys sorted), so
 * that the same inputs always store and hash the same way.
 */
public final class ParameterText {

    private ParameterText() {
    }

    public static String format(Map<String, BigDecimal> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(parameters).forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(k).append('=').append(v.stripTrailingZeros().toPlainString());
        });
        return sb.toString();
    }

    public static Map<String, BigDecimal> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        Map<String, BigDecimal> map = new TreeMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            map.put(pair.substring(0, eq), new BigDecimal(pair.substring(eq + 1)));
        }
        return map;
    }
}
