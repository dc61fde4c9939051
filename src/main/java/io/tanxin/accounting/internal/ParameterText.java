package io.tanxin.accounting.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measured parameters of an activity line as stable text ("cao=0.65;mgo=0.02", keys sorted), so
 * that the same inputs always store and hash the same way.
 */
final class ParameterText {

    private ParameterText() {
    }

    static String format(Map<String, BigDecimal> parameters) {
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

    static Map<String, BigDecimal> parse(String text) {
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
